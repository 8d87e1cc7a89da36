package com.arasul.rules;

import com.arasul.rules.RuleSessionOptions.SilenceWatch;
import java.util.List;
import org.kie.api.runtime.KieSession;

/** The state of a session's {@link SilenceWatch}es; touched only by the session's thread. */
final class SilenceWatches {

    private final List<SilenceWatch> watches;
    private final long[] lastSeen;
    private final boolean[] reported;

    SilenceWatches(List<SilenceWatch> watches) {
        this.watches = watches;
        this.lastSeen = new long[watches.size()];
        this.reported = new boolean[watches.size()];
    }

    /** A fact was submitted at session time {@code now}. */
    void seen(Object fact, long now) {
        for (int i = 0; i < watches.size(); i++) {
            if (watches.get(i).type().isInstance(fact)) {
                lastSeen[i] = now;
                reported[i] = false;
            }
        }
    }

    /** Inserts the fact of every watch whose silence has just reached its length, and fires. */
    void report(KieSession session) {
        long now = session.getSessionClock().getCurrentTime();
        boolean inserted = false;
        for (int i = 0; i < watches.size(); i++) {
            if (lastSeen[i] > 0 && !reported[i] && now - lastSeen[i] >= watches.get(i).after().toMillis()) {
                reported[i] = true;
                session.insert(watches.get(i).fact().get());
                inserted = true;
            }
        }
        if (inserted) {
            session.fireAllRules();
        }
    }

    /** Session time at which the next silence is due, {@code Long.MAX_VALUE} when none is. */
    long next(long now) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < watches.size(); i++) {
            if (lastSeen[i] > 0 && !reported[i]) {
                next = Math.min(next, Math.max(now + 1, lastSeen[i] + watches.get(i).after().toMillis()));
            }
        }
        return next;
    }
}

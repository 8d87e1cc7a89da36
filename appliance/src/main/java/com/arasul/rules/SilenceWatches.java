package com.arasul.rules;

import com.arasul.rules.RuleSessionOptions.SilenceWatch;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * The state of a session's {@link SilenceWatch}es; touched only by the session's thread. A silence is
 * reported when it has lasted the watch's length and again each time it has lasted that much longer,
 * so rules see a silence that goes on as a condition that keeps recurring (as a failing check does)
 * and can escalate it; the first fact of the watched type ends the silence.
 */
final class SilenceWatches {

    private final List<SilenceWatch> watches;
    /** Session time of the next report of each watch; 0 before its first fact was seen. */
    private final long[] due;

    SilenceWatches(List<SilenceWatch> watches) {
        this.watches = watches;
        this.due = new long[watches.size()];
    }

    /** A fact was submitted at session time {@code now}. */
    void seen(Object fact, long now) {
        for (int i = 0; i < watches.size(); i++) {
            if (watches.get(i).type().isInstance(fact)) {
                due[i] = now + watches.get(i).after().toMillis();
            }
        }
    }

    /** Inserts the fact of every watch whose silence has reached its length (once more); whether it did. */
    boolean report(KieSession session) {
        long now = session.getSessionClock().getCurrentTime();
        boolean inserted = false;
        for (int i = 0; i < watches.size(); i++) {
            if (due[i] > 0 && now >= due[i]) {
                due[i] = now + watches.get(i).after().toMillis();
                session.insert(watches.get(i).fact().get());
                inserted = true;
            }
        }
        return inserted;
    }

    /** Session time at which the next silence report is due, {@code Long.MAX_VALUE} when none is. */
    long next(long now) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < watches.size(); i++) {
            if (due[i] > 0) {
                next = Math.min(next, Math.max(now + 1, due[i]));
            }
        }
        return next;
    }
}

package com.arasul.healing.internal;

import com.arasul.healing.ActionRequest;
import com.arasul.healing.HealingThresholds;
import com.arasul.rules.RuleSession;
import com.arasul.rules.RuleSessionOptions;
import java.time.Instant;
import java.util.function.Consumer;
import org.kie.api.KieBase;

/**
 * The one rule session of the healing rules. What its rules ask for ({@link ActionRequest}) and
 * the failures they infer ({@link FailureNoticed}) are handed to {@code out} on the session thread;
 * {@code out} must not block (it puts them on a bounded channel).
 */
public final class HealingSession implements AutoCloseable {

    private final RuleSession session;

    private HealingSession(RuleSession session) {
        this.session = session;
    }

    public static HealingSession start(KieBase rules, HealingThresholds thresholds, int capacity,
            Instant pseudoStart, Consumer<Object> out) {
        RuleSessionOptions.Builder builder = RuleSession.builder("healing").capacity(capacity).fact(thresholds)
                .emit(ActionRequest.class, out)
                .emit(Object.class, fact -> {
                    if (fact.getClass().getName().equals(FailureNoticed.DECLARED_TYPE)) {
                        out.accept(FailureNoticed.from(fact, System.currentTimeMillis()));
                    }
                });
        if (pseudoStart != null) {
            builder.pseudoClock(pseudoStart);
        }
        return new HealingSession(builder.start(rules));
    }

    public RuleSession rules() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }
}

package com.arasul.healing.internal;

import com.arasul.healing.ActionRequest;
import com.arasul.healing.HealingThresholds;
import com.arasul.healing.facts.HostMetrics;
import com.arasul.healing.facts.SystemCondition;
import com.arasul.rules.RuleSession;
import com.arasul.rules.RuleSessionOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.kie.api.KieBase;

/**
 * The one rule session of the healing rules. What its rules ask for ({@link ActionRequest}) and
 * the failures they infer ({@link FailureNoticed}) are handed to {@code out} on the session thread;
 * {@code out} must not block (it puts them on a bounded channel).
 */
public final class HealingSession implements AutoCloseable {

    /** How long without a metric sample counts as telemetry falling silent (category C). */
    static final Duration TELEMETRY_SILENCE = Duration.ofSeconds(60);

    private final RuleSession session;

    private HealingSession(RuleSession session) {
        this.session = session;
    }

    public static HealingSession start(KieBase rules, HealingThresholds thresholds, int capacity,
            Instant pseudoStart, Consumer<Object> out) {
        return start(CompletableFuture.completedFuture(rules), thresholds, capacity, pseudoStart, out);
    }

    /** Starts now and begins deciding once {@code rules} are compiled; what arrives before waits. */
    public static HealingSession start(CompletableFuture<KieBase> rules, HealingThresholds thresholds, int capacity,
            Instant pseudoStart, Consumer<Object> out) {
        RuleSessionOptions.Builder builder = RuleSession.builder("healing").capacity(capacity).fact(thresholds)
                .coalesce(HostMetrics.class)
                .whenSilent(HostMetrics.class, TELEMETRY_SILENCE, () -> new SystemCondition(
                        SystemCondition.TELEMETRY_SILENT, "no metric sample for 60 seconds"))
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

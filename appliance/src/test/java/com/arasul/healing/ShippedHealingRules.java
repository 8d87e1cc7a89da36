package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.ContainerEvent;
import com.arasul.healing.facts.HostMetrics;
import com.arasul.healing.facts.SystemCondition;
import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import com.arasul.rules.RuleSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kie.api.KieBase;

/**
 * The shipped rules in {@code rules/healing} on a pseudo clock, for the per-file rule tests: feed
 * facts, move time, look at the action requests the rules emitted and at what is left in memory.
 */
final class ShippedHealingRules implements AutoCloseable {

    static final Path ROOT = Path.of("..", "rules");
    /** As the healing engine sets up its session: telemetry silent for 60 s is critical. */
    static final Duration TELEMETRY_SILENCE = Duration.ofSeconds(60);
    private static KieBase compiled;

    private final List<ActionRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final RuleSession session;

    ShippedHealingRules() {
        this(HealingThresholds.defaults());
    }

    ShippedHealingRules(HealingThresholds thresholds) {
        session = RuleSession.builder("healing-test")
                .pseudoClock(Instant.parse("2025-06-01T12:00:00Z"))
                .fact(thresholds)
                .emit(ActionRequest.class, requests::add)
                .whenSilent(HostMetrics.class, TELEMETRY_SILENCE, ShippedHealingRules::telemetrySilent)
                .start(kieBase());
    }

    static synchronized KieBase kieBase() {
        if (compiled == null) {
            RuleBuild build = new RuleCompiler(Clock.systemUTC()).compile(ROOT, "healing");
            assertThat(build.errors()).as("shipped healing rules compile").isEmpty();
            compiled = build.kieBase();
        }
        return compiled;
    }

    static SystemCondition telemetrySilent() {
        return new SystemCondition(SystemCondition.TELEMETRY_SILENT, "no metric sample for 60 seconds");
    }

    RuleSession session() {
        return session;
    }

    long now() {
        return session.now();
    }

    ShippedHealingRules insert(Object fact) {
        session.submit(fact);
        session.flush();
        return this;
    }

    ShippedHealingRules upsert(Object key, Object fact) {
        session.upsert(key, fact).join();
        return this;
    }

    ShippedHealingRules advance(Duration step) {
        session.advanceTime(step).join();
        return this;
    }

    ShippedHealingRules containerEvent(String service, String action, String health, Integer exitCode) {
        return insert(new ContainerEvent(service, action, health, exitCode, now()));
    }

    ShippedHealingRules died(String service) {
        return containerEvent(service, "die", null, 1);
    }

    /** One sample at the current pseudo time; null means the metric could not be read. */
    ShippedHealingRules sample(Double cpu, Double ram, Double gpu, Double gpuMemory, Double temperature, Double disk) {
        return insert(new HostMetrics(now(), cpu, ram, gpu, gpuMemory, temperature, disk, disk == null ? null : "/"));
    }

    ShippedHealingRules healthySample() {
        return sample(20.0, 40.0, 10.0, 20.0, 50.0, 40.0);
    }

    /** One sample a second for {@code duration}. */
    ShippedHealingRules samplesEverySecond(Duration duration, Runnable perSecond) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            perSecond.run();
            advance(Duration.ofSeconds(1));
        }
        return this;
    }

    List<ActionRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<ActionRequest> requests(ActionType type) {
        return requests().stream().filter(r -> r.type() == type).toList();
    }

    void clearRequests() {
        requests.clear();
    }

    /** How many facts of the given type (Java class or DRL-declared type name) are in memory. */
    long count(String simpleTypeName) {
        return session.call(s -> s.getObjects(o -> o.getClass().getSimpleName().equals(simpleTypeName)).size())
                .join();
    }

    @Override
    public void close() {
        session.close();
    }
}

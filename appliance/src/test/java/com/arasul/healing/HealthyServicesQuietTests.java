package com.arasul.healing;

import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.ContainerStates;
import com.arasul.containers.DockerCli;
import com.arasul.healing.internal.FactFeeder;
import com.arasul.healing.internal.HealingRuleSource;
import com.arasul.healing.internal.Interventions;
import com.arasul.healing.internal.HealingSession;
import com.arasul.healing.internal.SampleSlot;
import com.arasul.healing.internal.ServiceScope;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ten minutes of a healthy box on the pseudo clock: the states of real, healthy containers as the
 * Docker adapter reports them, and a healthy metric sample every second, fed through the engine's
 * own feeder into the shipped rules. Nothing may be asked for.
 */
@ObservingAppliance
class HealthyServicesQuietTests {

    @Autowired
    ContainerActions containers;

    @Autowired
    HealingRuleSource rules;

    @Autowired
    Interventions interventions;

    @BeforeAll
    static void healthyContainers() {
        HealingTestContainers.images();
        runManaged("hea-a-quiet-sleeper", SLEEPER);
        runManaged("hea-a-quiet-checked", HEALTH);
    }

    @AfterAll
    static void cleanUp() {
        DockerCli.docker("rm", "-f", "hea-a-quiet-sleeper", "hea-a-quiet-checked");
    }

    @Test
    void healthyContainersOverTenMinutesCauseNoAction() {
        await().atMost(Duration.ofSeconds(20)).until(() -> containers.service("hea-a-quiet-checked")
                .map(s -> "healthy".equals(s.health())).orElse(false) && running("hea-a-quiet-sleeper"));
        List<Object> emitted = new CopyOnWriteArrayList<>();
        Instant start = Instant.now();
        SampleSlot slot = new SampleSlot();
        try (HealingSession session = HealingSession.start(rules.current(), HealingThresholds.defaults(), 10_000, start,
                emitted::add)) {
            FactFeeder feeder = new FactFeeder(session.rules(), slot, new ServiceScope("hea-a-quiet-.*"), interventions);
            for (int second = 0; second < 600; second++) {
                Instant now = start.plusSeconds(second);
                if (second % 10 == 0) {
                    feeder.feed(new ContainerStates(now, containers.services()));
                }
                var sample = new MetricSample(now, Map.of(MetricNames.CPU_PERCENT, 25.0, MetricNames.RAM_PERCENT, 40.0,
                        MetricNames.TEMPERATURE_MAX_CELSIUS, 55.0, MetricNames.diskPercent("/"), 40.0));
                if (slot.offer(sample)) {
                    feeder.feed(sample);
                }
                session.rules().advanceTime(Duration.ofSeconds(1));
            }
            session.rules().flush();
            assertThat(session.rules().now() - start.toEpochMilli()).isEqualTo(Duration.ofMinutes(10).toMillis());
        }
        assertThat(emitted).isEmpty();
    }
}

package com.arasul.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplianceActivityTests {

    private final ApplianceActivity activity = new ApplianceActivity();

    @Test
    void allowsOneUpdateAtATime() {
        UUID first = UUID.randomUUID();
        assertThat(activity.updateStarted(first, "1.1.0", Set.of("n8n"))).isTrue();
        assertThat(activity.updateStarted(UUID.randomUUID(), "1.2.0", Set.of("minio"))).isFalse();
        assertThat(activity.isUnderUpdate("n8n")).isTrue();
        assertThat(activity.isUnderUpdate("minio")).isFalse();
    }

    @Test
    void endsOnlyTheUpdateThatIsRunning() {
        UUID running = UUID.randomUUID();
        activity.updateStarted(running, "1.1.0", Set.of("n8n"));
        activity.updateEnded(UUID.randomUUID());
        assertThat(activity.runningUpdate()).isPresent();
        activity.updateEnded(running);
        assertThat(activity.runningUpdate()).isEmpty();
        assertThat(activity.isUnderUpdate("n8n")).isFalse();
    }

    @Test
    void tracksCriticalHealing() {
        activity.criticalHealingStarted("C", "database unreachable");
        assertThat(activity.criticalHealing()).hasValueSatisfying(c -> assertThat(c.category()).isEqualTo("C"));
        activity.criticalHealingEnded();
        assertThat(activity.criticalHealing()).isEmpty();
    }
}

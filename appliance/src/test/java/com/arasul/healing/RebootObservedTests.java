package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** In observe mode a full disk records the reboot it would have run, and runs nothing. */
@TestPropertySource(properties = {"arasul.healing.mode=observe", "arasul.healing.reboot-enabled=true"})
class RebootObservedTests extends FullDiskAppliance {

    @Test
    void aFullDiskRecordsTheRebootItWouldHaveRunAndIssuesNoCommand() {
        RecordingCommandRunner runner = recordingRunner();

        List<String> observed = fillTheDiskUntil("SELECT description FROM self_healing_events"
                + " WHERE event_type = 'action_observed' AND action_taken = 'REBOOT_HOST'"
                + " AND rule_name = 'D reboot the host'");

        assertThat(observed).containsExactly("Observe mode: this would have run."
                + " The disk /rbt-data is 98 % full, above the last limit. Rebooting the box as the last resort.");
        assertThat(jdbc.queryForList("SELECT mode, result FROM recovery_actions WHERE action_type = 'REBOOT_HOST'"))
                .containsExactly(Map.of("mode", "observe", "result", "Not run: observe mode."));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reboot_events", Integer.class)).isZero();
        assertThat(runner.reboots()).isEmpty();
    }
}

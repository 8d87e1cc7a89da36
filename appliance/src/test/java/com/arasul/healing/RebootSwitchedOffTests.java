package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Without ARASUL_REBOOT_ENABLED a full disk asks for the reboot and the floor says why the owner has to do it. */
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.reboot-enabled=false"})
class RebootSwitchedOffTests extends FullDiskAppliance {

    @Test
    void aFullDiskIsSuppressedWithTheReasonAndNoCommand() {
        RecordingCommandRunner runner = recordingRunner();

        List<String> suppressed = fillTheDiskUntil("SELECT description FROM self_healing_events"
                + " WHERE event_type = 'action_suppressed' AND action_taken = 'REBOOT_HOST'"
                + " AND rule_name = 'D reboot the host'");

        assertThat(suppressed).containsExactly(
                "Reboots are switched off (ARASUL_REBOOT_ENABLED is not true); the owner has to reboot the box.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reboot_events", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recovery_actions WHERE action_type = 'REBOOT_HOST'",
                Integer.class)).isZero();
        assertThat(runner.reboots()).isEmpty();
    }
}

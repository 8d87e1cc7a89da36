package com.arasul.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.host.internal.HostProperties;
import com.arasul.platform.ActionOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reboot's own guard and its configurable command; nothing here reboots anything. */
class HostRebootTests {

    private static final List<String> NSENTER_REBOOT =
            List.of("nsenter", "-t", "1", "-m", "-u", "-i", "-n", "-p", "--", "systemctl", "reboot");

    private final RecordedCommandRunner runner = new RecordedCommandRunner();

    @Test
    void isRefusedWhileRebootsAreSwitchedOff() {
        runner.silent(List.of("systemctl", "reboot"), 0);

        ActionOutcome outcome = reboot(false, Map.of()).reboot("disk 98 % full");

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("Reboot refused: reboots are switched off (ARASUL_REBOOT_ENABLED is not true)");
        assertThat(runner.calls()).isEmpty();
    }

    @Test
    void runsSystemctlRebootByDefault() {
        runner.silent(List.of("systemctl", "reboot"), 0);

        ActionOutcome outcome = reboot(true, Map.of()).reboot("disk 98 % full");

        assertThat(outcome.success()).isTrue();
        assertThat(runner.commandLines()).containsExactly(List.of("systemctl", "reboot"));
    }

    @Test
    void runsTheConfiguredCommandToRebootTheHostFromAContainer() {
        runner.silent(NSENTER_REBOOT, 0);

        ActionOutcome outcome = reboot(true, Map.of("arasul.host.reboot-command", String.join(",", NSENTER_REBOOT)))
                .reboot("3 critical events in 30 minutes");

        assertThat(outcome.success()).isTrue();
        assertThat(runner.commandLines()).containsExactly(NSENTER_REBOOT);
    }

    @Test
    void aRebootCommandThatHangsIsAFailedOutcome() {
        runner.hangs(List.of("systemctl", "reboot"));

        ActionOutcome outcome = reboot(true, Map.of("arasul.host.command-timeout", "10s")).reboot("test");

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("Reboot did not finish within 10.0 s (systemctl reboot)");
    }

    @Test
    void aRebootThatIsNotAllowedBySystemdSaysSo() {
        runner.silent(List.of("systemctl", "reboot"), 1);

        assertThat(reboot(true, Map.of()).reboot("test").message()).isEqualTo("Reboot failed (exit 1)");
    }

    private HostReboot reboot(boolean enabled, Map<String, String> settings) {
        HostProperties properties = HostTestProperties.bind(settings);
        return new HostReboot(enabled, properties, runner);
    }
}

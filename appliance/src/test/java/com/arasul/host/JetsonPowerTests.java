package com.arasul.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.host.internal.HostProperties;
import com.arasul.platform.ActionOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jetson clocks and power modes through recorded {@code jetson_clocks} and {@code nvpmodel} outputs. */
class JetsonPowerTests {

    private final RecordedCommandRunner runner = new RecordedCommandRunner();

    @Test
    void readsThePowerModeOfAnAgxOrin() {
        runner.replay(List.of("nvpmodel", "-q"), 0, "nvpmodel-q-agx-orin-maxn.txt");

        assertThat(jetson().powerMode()).contains(new PowerMode("MAXN", 0));
    }

    @Test
    void readsAThrottledPowerMode() {
        runner.replay(List.of("nvpmodel", "-q"), 0, "nvpmodel-q-agx-orin-15w.txt");

        assertThat(jetson().powerMode()).contains(new PowerMode("MODE_15W", 1));
    }

    @Test
    void readsTheGpuClocks() {
        runner.replay(List.of("jetson_clocks", "--show"), 0, "jetson_clocks-show-agx-orin.txt");

        assertThat(jetson().clocks()).hasValueSatisfying(clocks -> {
            assertThat(clocks).isEqualTo(new ClockStatus(306_000_000L, 1_300_500_000L, 306_000_000L, "MAXN"));
            assertThat(clocks.gpuPinnedAtMax()).isFalse();
        });
    }

    @Test
    void throttlesToTheConfiguredPowerModeAndBack() {
        runner.silent(List.of("nvpmodel", "-m", "2"), 0).silent(List.of("nvpmodel", "-m", "0"), 0);
        JetsonPower power = jetson(Map.of("arasul.host.throttle-power-mode", "2"));

        ActionOutcome throttled = power.throttle();
        ActionOutcome back = power.unthrottle();

        assertThat(throttled.success()).isTrue();
        assertThat(throttled.message()).isEqualTo("Switching to power mode 2 done");
        assertThat(back.success()).isTrue();
        assertThat(runner.commandLines()).containsExactly(List.of("nvpmodel", "-m", "2"), List.of("nvpmodel", "-m", "0"));
    }

    @Test
    void throttlesToTheLowPowerModeOneByDefault() {
        runner.silent(List.of("/usr/sbin/nvpmodel", "-m", "1"), 0);

        assertThat(jetson(Map.of("arasul.host.nvpmodel", "/usr/sbin/nvpmodel")).throttle().success()).isTrue();
        assertThat(runner.commandLines()).containsExactly(List.of("/usr/sbin/nvpmodel", "-m", "1"));
    }

    @Test
    void maximizesAndRestoresClocks() {
        runner.silent(List.of("jetson_clocks"), 0).silent(List.of("jetson_clocks", "--restore"), 0);
        JetsonPower power = jetson();

        assertThat(power.maximizeClocks().success()).isTrue();
        assertThat(power.restoreClocks().success()).isTrue();
        assertThat(runner.commandLines()).containsExactly(List.of("jetson_clocks"), List.of("jetson_clocks", "--restore"));
    }

    @Test
    void aPowerModeSwitchThatHangsIsAFailedOutcome() {
        runner.hangs(List.of("nvpmodel", "-m", "1"));

        ActionOutcome outcome = jetson().throttle();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("Switching to power mode 1 did not finish within 30.0 s (nvpmodel -m 1)");
    }

    @Test
    void aRefusedCommandSaysWhatItPrinted() {
        runner.silent(List.of("jetson_clocks", "--restore"), 1);

        ActionOutcome outcome = jetson().restoreClocks();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("Restoring clocks failed (exit 1)");
    }

    @Test
    void isNotSupportedOffAJetson() {
        JetsonPower power = power(Map.of("arasul.host.platform", "dgpu"));

        assertThat(power.throttle().message()).isEqualTo("Switching to power mode 1 is not supported on this device: it is not a Jetson");
        assertThat(power.maximizeClocks().success()).isFalse();
        assertThat(power.powerMode()).isEmpty();
        assertThat(power.clocks()).isEmpty();
        assertThat(runner.calls()).isEmpty();
    }

    private JetsonPower jetson() {
        return jetson(Map.of());
    }

    private JetsonPower jetson(Map<String, String> settings) {
        var all = new java.util.HashMap<>(settings);
        all.put("arasul.host.platform", "jetson");
        return power(all);
    }

    private JetsonPower power(Map<String, String> settings) {
        HostProperties properties = HostTestProperties.bind(settings);
        return new JetsonPower(new HostDevice(properties), properties, runner);
    }
}

package com.arasul.host;

import com.arasul.host.internal.HostCommands;
import com.arasul.host.internal.HostCommands.Ran;
import com.arasul.host.internal.HostProperties;
import com.arasul.host.internal.JetsonOutputs;
import com.arasul.platform.ActionOutcome;
import com.arasul.platform.CommandRunner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A Jetson's clocks ({@code jetson_clocks}) and power modes ({@code nvpmodel}): how the healing
 * engine cools a hot module down and brings it back. Everything answers "not supported" elsewhere.
 */
@Component
public class JetsonPower {

    private final HostDevice device;
    private final HostProperties properties;
    private final HostCommands commands;

    public JetsonPower(HostDevice device, HostProperties properties, CommandRunner runner) {
        this.device = device;
        this.properties = properties;
        this.commands = new HostCommands(runner, properties.commandTimeout());
    }

    /** Pins CPU, GPU and memory clocks at their maximum ({@code jetson_clocks}). */
    public ActionOutcome maximizeClocks() {
        return onJetson("Maximizing clocks", List.of(properties.jetsonClocks()));
    }

    /** Gives the clocks back to dynamic scaling, as stored before by {@code jetson_clocks --store}. */
    public ActionOutcome restoreClocks() {
        return onJetson("Restoring clocks", List.of(properties.jetsonClocks(), "--restore"));
    }

    /** Switches to the power mode that draws less ({@code arasul.host.throttle-power-mode}). */
    public ActionOutcome throttle() {
        return setPowerMode(properties.throttlePowerMode());
    }

    /** Switches back to the normal power mode ({@code arasul.host.normal-power-mode}). */
    public ActionOutcome unthrottle() {
        return setPowerMode(properties.normalPowerMode());
    }

    /** {@code nvpmodel -m <mode>}. */
    public ActionOutcome setPowerMode(int mode) {
        return onJetson("Switching to power mode " + mode, List.of(properties.nvpmodel(), "-m", Integer.toString(mode)));
    }

    /** The power mode now ({@code nvpmodel -q}); empty off a Jetson or when it cannot be read. */
    public Optional<PowerMode> powerMode() {
        return read(List.of(properties.nvpmodel(), "-q")).flatMap(JetsonOutputs::powerMode);
    }

    /** The GPU clocks now ({@code jetson_clocks --show}); empty off a Jetson or when they cannot be read. */
    public Optional<ClockStatus> clocks() {
        return read(List.of(properties.jetsonClocks(), "--show")).flatMap(JetsonOutputs::clocks);
    }

    private ActionOutcome onJetson(String what, List<String> command) {
        if (device.platform() != HostPlatform.JETSON) {
            return ActionOutcome.failed(what + " is not supported on this device: it is not a Jetson", Duration.ZERO);
        }
        return commands.execute(what, command);
    }

    private Optional<String> read(List<String> command) {
        if (device.platform() != HostPlatform.JETSON) {
            return Optional.empty();
        }
        Ran ran = commands.run(command);
        return ran.result().succeeded() ? Optional.of(ran.result().stdout()) : Optional.empty();
    }
}

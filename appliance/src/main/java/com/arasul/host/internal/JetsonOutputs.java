package com.arasul.host.internal;

import com.arasul.host.ClockStatus;
import com.arasul.host.PowerMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code nvpmodel -q} and {@code jetson_clocks --show} print. */
public final class JetsonOutputs {

    private static final Pattern POWER_MODE = Pattern.compile("^NV Power Mode:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern MODE_ID = Pattern.compile("^\\s*(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern GPU_CLOCKS = Pattern.compile(
            "^GPU MinFreq=(\\d+) MaxFreq=(\\d+) CurrentFreq=(\\d+)", Pattern.MULTILINE);

    private JetsonOutputs() {
    }

    /** {@code "NV Power Mode: MAXN\n0\n"}: the name, then the id on a line of its own. */
    public static Optional<PowerMode> powerMode(String nvpmodelQuery) {
        Matcher name = POWER_MODE.matcher(nvpmodelQuery);
        if (!name.find()) {
            return Optional.empty();
        }
        Matcher id = MODE_ID.matcher(nvpmodelQuery);
        if (!id.find(name.end())) {
            return Optional.empty();
        }
        return Optional.of(new PowerMode(name.group(1), Integer.parseInt(id.group(1))));
    }

    /** The {@code GPU MinFreq=… MaxFreq=… CurrentFreq=…} line and the power mode of {@code --show}. */
    public static Optional<ClockStatus> clocks(String jetsonClocksShow) {
        Matcher gpu = GPU_CLOCKS.matcher(jetsonClocksShow);
        if (!gpu.find()) {
            return Optional.empty();
        }
        Matcher mode = POWER_MODE.matcher(jetsonClocksShow);
        return Optional.of(new ClockStatus(Long.parseLong(gpu.group(1)), Long.parseLong(gpu.group(2)),
                Long.parseLong(gpu.group(3)), mode.find() ? mode.group(1) : null));
    }
}

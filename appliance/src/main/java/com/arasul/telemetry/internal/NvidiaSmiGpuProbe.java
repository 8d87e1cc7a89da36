package com.arasul.telemetry.internal;

import com.arasul.platform.CommandRunner;
import com.arasul.platform.CommandRunner.CommandResult;
import com.arasul.telemetry.MetricNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A discrete NVIDIA GPU through {@code nvidia-smi}. Fields the driver cannot report ({@code [N/A]},
 * {@code [Not Supported]}) are absent. When the command fails or times out the GPU is absent until
 * {@code retryDelay} has passed, so a hung driver neither stalls sampling nor fills the log: the failure is
 * logged once, the recovery once.
 */
final class NvidiaSmiGpuProbe implements GpuProbe {

    private static final Logger log = LoggerFactory.getLogger(NvidiaSmiGpuProbe.class);

    static final String QUERY = "--query-gpu=utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw";
    static final String FORMAT = "--format=csv,noheader,nounits";
    private static final List<String> FIELDS = List.of(MetricNames.GPU_PERCENT, MetricNames.GPU_MEMORY_USED_MB,
            MetricNames.GPU_MEMORY_TOTAL_MB, MetricNames.GPU_TEMPERATURE_CELSIUS, MetricNames.POWER_WATTS);

    private final CommandRunner runner;
    private final List<String> command;
    private final Duration timeout;
    private final Duration retryDelay;
    private final Clock clock;
    private Instant nextAttempt = Instant.MIN;
    private boolean failing;

    NvidiaSmiGpuProbe(CommandRunner runner, String executable, Duration timeout, Duration retryDelay, Clock clock) {
        this.runner = runner;
        this.command = List.of(executable, QUERY, FORMAT);
        this.timeout = timeout;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    @Override
    public synchronized Map<String, Double> read() {
        if (clock.instant().isBefore(nextAttempt)) {
            return Map.of();
        }
        CommandResult result;
        try {
            result = runner.run(command, timeout);
        } catch (RuntimeException e) {
            return failed(e.toString());
        }
        if (!result.succeeded()) {
            return failed(result.timedOut() ? "timed out after " + timeout
                    : "exit code " + result.exitCode() + ": " + firstLine(result.stderr()));
        }
        String line = firstLine(result.stdout());
        String[] fields = line.split(",");
        if (fields.length != FIELDS.size()) {
            return failed("unexpected output '" + line + "'");
        }
        if (failing) {
            log.info("nvidia-smi answers again: GPU metrics are back");
            failing = false;
        }
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            Double value = parse(fields[i]);
            if (value != null) {
                values.put(FIELDS.get(i), value);
            }
        }
        return values;
    }

    /** A number, or null for {@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]} and the like. */
    static Double parse(String field) {
        String trimmed = field.strip();
        try {
            double value = Double.parseDouble(trimmed);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Double> failed(String why) {
        nextAttempt = clock.instant().plus(retryDelay);
        if (!failing) {
            log.warn("nvidia-smi failed ({}); GPU metrics are absent, next try in {}", why, retryDelay);
            failing = true;
        } else {
            log.debug("nvidia-smi still failing: {}", why);
        }
        return Map.of();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }

    @Override
    public String name() {
        return "nvidia";
    }
}

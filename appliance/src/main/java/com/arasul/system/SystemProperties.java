package com.arasul.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the system capability judges the box by and where it looks.
 *
 * @param etcRoot the folder holding {@code nv_tegra_release} (a fixture folder in tests)
 * @param thresholds when disk, temperature and memory turn the status to WARNING or CRITICAL
 * @param staleAfter a newest sample older than this means sampling has stopped
 * @param connectivityTargets {@code host:port} pairs probed for internet reachability; empty by
 *     default, so the appliance sends no traffic anywhere unless its owner asks for it
 * @param connectivityTimeout how long one TCP connect may take
 * @param connectivityInterval how often the targets are probed; requests read the last result
 */
@Validated
@ConfigurationProperties("arasul.system")
public record SystemProperties(
        @NotNull @DefaultValue("/etc") Path etcRoot,
        @Valid @NotNull @DefaultValue Thresholds thresholds,
        @NotNull @DefaultValue("60s") Duration staleAfter,
        @NotNull @DefaultValue List<@Pattern(regexp = "[^\\s:]+:\\d{1,5}|\\[[0-9a-fA-F:]+]:\\d{1,5}",
                message = "must be host:port") String> connectivityTargets,
        @NotNull @DefaultValue("1500ms") Duration connectivityTimeout,
        @NotNull @DefaultValue("30s") Duration connectivityInterval) {

    @AssertTrue(message = "must be between 100ms and 10s")
    boolean isConnectivityTimeoutSensible() {
        return between(connectivityTimeout, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @AssertTrue(message = "must be between 5s and 1h")
    boolean isConnectivityIntervalSensible() {
        return between(connectivityInterval, Duration.ofSeconds(5), Duration.ofHours(1));
    }

    @AssertTrue(message = "must be at least 1s")
    boolean isStaleAfterSensible() {
        return staleAfter == null || staleAfter.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    private static boolean between(Duration value, Duration min, Duration max) {
        return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
    }

    public record Thresholds(
            @Valid @NotNull @DefaultValue Disk disk,
            @Valid @NotNull @DefaultValue Temperature temperature,
            @Valid @NotNull @DefaultValue Memory memory) {
    }

    /**
     * Disk fill levels in percent, as the seeds name them.
     *
     * @param warn the owner should look (80 %)
     * @param cleanup old data should be cleaned up (90 %)
     * @param critical writes may fail soon (95 %)
     * @param reboot reboot territory (97 %)
     */
    public record Disk(
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("80") double warn,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("90") double cleanup,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("95") double critical,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("97") double reboot) {

        @AssertTrue(message = "must rise: warn <= cleanup <= critical <= reboot")
        boolean isOrdered() {
            return warn <= cleanup && cleanup <= critical && critical <= reboot;
        }
    }

    /** The hottest sensor in °C: above {@code warn} a WARNING, above {@code critical} CRITICAL. */
    public record Temperature(
            @DecimalMin("30") @DecimalMax("120") @DefaultValue("83") double warn,
            @DecimalMin("30") @DecimalMax("120") @DefaultValue("90") double critical) {

        @AssertTrue(message = "warn must not be above critical")
        boolean isOrdered() {
            return warn <= critical;
        }
    }

    /** Memory in use in percent: above {@code warn} a WARNING, above {@code critical} CRITICAL. */
    public record Memory(
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("90") double warn,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("95") double critical) {

        @AssertTrue(message = "warn must not be above critical")
        boolean isOrdered() {
            return warn <= critical;
        }
    }
}

package com.arasul.healing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The healing engine's switches and the limits of its safety floor ({@code arasul.healing.*}).
 *
 * @param mode {@code ARASUL_HEALING_MODE}: act, observe or off
 * @param rebootEnabled {@code ARASUL_REBOOT_ENABLED}: without it no reboot ever runs
 * @param restartBackoffInitial the pause a service gets after its first restart
 * @param restartBackoffMax the longest pause; the pause doubles up to it
 * @param restartBackoffReset a service that needed no restart for this long starts over
 * @param maxRestarts restarts of one service within {@code restartWindow}, then it needs attention
 * @param restartWindow the window of {@code maxRestarts}
 * @param maxRebootsPerHour reboots within any hour
 * @param cooldowns the least time between two runs of an action type for the same service (or host);
 *     types not named here use {@link #DEFAULT_COOLDOWNS}
 * @param thresholds the limits the rules compare against
 */
@Validated
@ConfigurationProperties("arasul.healing")
public record HealingProperties(
        @NotNull @DefaultValue("act") HealingMode mode,
        @DefaultValue("false") boolean rebootEnabled,
        @NotNull @DefaultValue("10s") Duration restartBackoffInitial,
        @NotNull @DefaultValue("5m") Duration restartBackoffMax,
        @NotNull @DefaultValue("10m") Duration restartBackoffReset,
        @Min(1) @Max(100) @DefaultValue("10") int maxRestarts,
        @NotNull @DefaultValue("30m") Duration restartWindow,
        @Min(0) @Max(10) @DefaultValue("2") int maxRebootsPerHour,
        Map<ActionType, Duration> cooldowns,
        @Valid @NotNull @DefaultValue HealingThresholds thresholds) {

    public static final Map<ActionType, Duration> DEFAULT_COOLDOWNS = Map.of(
            ActionType.STOP_SERVICE, Duration.ofMinutes(5),
            ActionType.RESTART_APP_SERVICES, Duration.ofMinutes(10),
            ActionType.LLM_CACHE_CLEAR, Duration.ofMinutes(5),
            ActionType.LLM_SESSION_RESET, Duration.ofMinutes(5),
            ActionType.GPU_THROTTLE, Duration.ofMinutes(5),
            ActionType.GPU_RESET, Duration.ofMinutes(30),
            ActionType.DISK_CLEANUP, Duration.ofMinutes(30),
            ActionType.DB_VACUUM_ANALYZE, Duration.ofHours(1));

    public HealingProperties {
        Map<ActionType, Duration> merged = new EnumMap<>(ActionType.class);
        merged.putAll(DEFAULT_COOLDOWNS);
        if (cooldowns != null) {
            merged.putAll(cooldowns);
        }
        cooldowns = Map.copyOf(merged);
    }

    /** The defaults, in a given mode. */
    public static HealingProperties defaults(HealingMode mode, boolean rebootEnabled) {
        return new HealingProperties(mode, rebootEnabled, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofMinutes(10), 10, Duration.ofMinutes(30), 2, null, HealingThresholds.defaults());
    }

    public Duration cooldown(ActionType type) {
        return cooldowns.getOrDefault(type, Duration.ZERO);
    }
}

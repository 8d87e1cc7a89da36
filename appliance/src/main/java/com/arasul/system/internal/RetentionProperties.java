package com.arasul.system.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long metrics and events are kept.
 *
 * @param days rows older than this many days are deleted
 * @param interval how often the retention job runs
 * @param initialDelay how long after the start it first runs, so that it does not compete with startup
 * @param batchSize rows deleted per statement: a large backlog is removed in many short
 *     transactions instead of one long lock
 */
@Validated
@ConfigurationProperties("arasul.retention")
public record RetentionProperties(
        @Min(value = 1, message = "must be at least 1 day") @Max(3650) @DefaultValue("7") int days,
        @NotNull @DefaultValue("1h") Duration interval,
        @NotNull @DefaultValue("1m") Duration initialDelay,
        @Min(100) @Max(100_000) @DefaultValue("5000") int batchSize) {

    @AssertTrue(message = "must be at least 1m")
    boolean isIntervalSensible() {
        return interval == null || interval.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    @AssertTrue(message = "must not be negative")
    boolean isInitialDelaySensible() {
        return initialDelay == null || !initialDelay.isNegative();
    }
}

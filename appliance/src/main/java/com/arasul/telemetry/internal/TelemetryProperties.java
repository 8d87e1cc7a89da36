package com.arasul.telemetry.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the box is sampled and where its readings go.
 *
 * @param interval time between two samples
 * @param bucket width of one aggregated row in the {@code metrics} table
 * @param diskMounts mount points whose usage is sampled; empty means the data folder's file system and {@code /}
 * @param gpu which GPU adapter reads the GPU
 * @param sysfsRoot where {@code /sys} is (a fixture tree in tests)
 * @param etcRoot where {@code /etc} is (for {@code nv_tegra_release})
 * @param nvidiaSmi the {@code nvidia-smi} executable
 * @param commandTimeout how long one {@code nvidia-smi} call may take
 * @param gpuRetryDelay after a failed {@code nvidia-smi} call, how long the GPU stays absent before the next try
 * @param buffer rows waiting for the database
 * @param liveStream the WebSocket broadcast
 */
@Validated
@ConfigurationProperties("arasul.telemetry")
public record TelemetryProperties(
        @DefaultValue("1s") @NotNull Duration interval,
        @DefaultValue("30s") @NotNull Duration bucket,
        @DefaultValue List<Path> diskMounts,
        @DefaultValue("auto") @NotNull GpuMode gpu,
        @DefaultValue("/sys") @NotNull Path sysfsRoot,
        @DefaultValue("/etc") @NotNull Path etcRoot,
        @DefaultValue("nvidia-smi") @NotBlank String nvidiaSmi,
        @DefaultValue("2s") @NotNull Duration commandTimeout,
        @DefaultValue("30s") @NotNull Duration gpuRetryDelay,
        @DefaultValue @Valid @NotNull Buffer buffer,
        @DefaultValue @Valid @NotNull LiveStream liveStream) {

    public TelemetryProperties {
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("arasul.telemetry.interval must be at least 100ms, was " + interval);
        }
        if (bucket.compareTo(interval) < 0) {
            throw new IllegalArgumentException("arasul.telemetry.bucket must not be shorter than the interval, was "
                    + bucket);
        }
    }

    /** A sample older than this makes {@code /api/health} report sampling as stale. */
    public Duration staleAfter() {
        Duration threeIntervals = interval.multipliedBy(3);
        return threeIntervals.compareTo(Duration.ofSeconds(3)) < 0 ? Duration.ofSeconds(3) : threeIntervals;
    }

    public enum GpuMode { AUTO, JETSON, NVIDIA, NONE }

    /**
     * @param capacity aggregated rows kept while the database is away; when full the oldest are dropped
     * @param batchSize rows written in one database batch
     * @param flushInterval how often buffered rows are written
     */
    public record Buffer(
            @DefaultValue("20000") @Min(100) @Max(1_000_000) int capacity,
            @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
            @DefaultValue("2s") @NotNull Duration flushInterval) {
    }

    /**
     * @param maxSessions concurrent WebSocket clients; more are refused
     * @param sendTimeLimit a client that takes longer than this to accept a message is dropped
     * @param sendBufferBytes bytes queued for one slow client before it is dropped
     */
    public record LiveStream(
            @DefaultValue("16") @Min(1) @Max(256) int maxSessions,
            @DefaultValue("5s") @NotNull Duration sendTimeLimit,
            @DefaultValue("262144") @Min(1024) int sendBufferBytes) {
    }
}

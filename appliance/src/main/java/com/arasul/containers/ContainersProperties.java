package com.arasul.containers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the appliance talks to Docker.
 *
 * @param host the daemon ({@code ARASUL_DOCKER_HOST}): {@code unix:///path} or {@code tcp://host:port}
 * @param connectTimeout to open a connection to the daemon
 * @param responseTimeout for an answer to an ordinary call (inspect, restart, stats, ...)
 * @param loadTimeout for {@code docker load}, which answers only when the whole image is in
 * @param maxConnections pool size of the ordinary client (streams have their own small pool)
 * @param stopTimeout how long a stop or restart waits before SIGKILL when the container sets no
 *     {@code StopTimeout} of its own (compose {@code stop_grace_period}); Docker's default
 * @param unresponsiveStopTimeout the same, at most, when a container that failed or hangs is restarted;
 *     planned restarts (the ordered restart of every service, updates) never use it
 * @param pollInterval how often states and health are polled as a backstop for the events stream
 * @param reconnectInitial first wait before the events stream reconnects; doubles up to {@code reconnectMax}
 * @param maxLogFollowers log follows open at once
 * @param logFollowBuffer lines a log follow buffers before it drops the oldest
 */
@Validated
@ConfigurationProperties("arasul.docker")
public record ContainersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("unix:///var/run/docker.sock") @NotBlank String host,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration responseTimeout,
        @DefaultValue("15m") @NotNull Duration loadTimeout,
        @DefaultValue("16") @Min(2) @Max(100) int maxConnections,
        @DefaultValue("10s") @NotNull Duration stopTimeout,
        @DefaultValue("2s") @NotNull Duration unresponsiveStopTimeout,
        @DefaultValue("10s") @NotNull Duration pollInterval,
        @DefaultValue("1s") @NotNull Duration reconnectInitial,
        @DefaultValue("30s") @NotNull Duration reconnectMax,
        @DefaultValue("8") @Min(1) @Max(64) int maxLogFollowers,
        @DefaultValue("1000") @Min(10) @Max(100000) int logFollowBuffer) {
}

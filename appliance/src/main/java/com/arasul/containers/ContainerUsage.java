package com.arasul.containers;

import java.time.Instant;

/**
 * One sample of a container's resource use.
 *
 * @param cpuPercent as {@code docker stats} counts it: 100 % is one core fully busy
 * @param memoryLimitBytes the cgroup limit, the host's memory when none is set
 */
public record ContainerUsage(String service, Instant at, double cpuPercent, long memoryBytes, long memoryLimitBytes) {
}

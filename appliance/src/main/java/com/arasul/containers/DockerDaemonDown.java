package com.arasul.containers;

import java.time.Instant;

/** The Docker daemon stopped answering: container signals are missing, not services failing. */
public record DockerDaemonDown(Instant at, String reason) {
}

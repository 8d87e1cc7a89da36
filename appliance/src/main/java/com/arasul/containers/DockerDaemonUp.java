package com.arasul.containers;

import java.time.Instant;

/** The Docker daemon answers (again), with the API version this appliance talks to it. */
public record DockerDaemonUp(Instant at, String apiVersion) {
}

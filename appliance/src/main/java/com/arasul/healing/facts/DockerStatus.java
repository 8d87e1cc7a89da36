package com.arasul.healing.facts;

/** Whether the Docker engine answers; while it does not, no service is blamed for being down. */
public record DockerStatus(boolean up) {
}

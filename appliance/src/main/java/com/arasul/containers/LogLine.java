package com.arasul.containers;

import java.time.Instant;

/** One line a container wrote; {@code timestamp} is Docker's, {@code stream} {@code stdout} or {@code stderr}. */
public record LogLine(String service, Instant timestamp, String stream, String text) {
}

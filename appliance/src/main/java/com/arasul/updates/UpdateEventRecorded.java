package com.arasul.updates;

import java.time.Instant;
import java.util.UUID;

/** Published for every update event, for the live progress stream. */
public record UpdateEventRecorded(UUID packageId, UpdateStep step, String status, String message, Instant at) {
}

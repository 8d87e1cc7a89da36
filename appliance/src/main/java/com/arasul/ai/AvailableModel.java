package com.arasul.ai;

import java.time.Instant;

/** A model on the service's disk, ready to be loaded. */
public record AvailableModel(String name, long size, Instant modifiedAt, String parameterSize,
        String quantizationLevel) {
}

package com.arasul.storage;

import java.time.Instant;

/**
 * What the last look at the object storage found.
 *
 * @param state {@code up}, {@code down} or {@code not_configured}
 * @param detail a sentence an owner understands
 */
public record StorageHealth(String state, String detail, Instant checkedAt) {

    public static final String UP = "up";
    public static final String DOWN = "down";
    public static final String NOT_CONFIGURED = "not_configured";

    public static final String NOT_CONFIGURED_SENTENCE = "Object storage is not configured (no ARASUL_S3_ENDPOINT); "
            + "backups are kept in the data folder instead.";

    public boolean up() {
        return UP.equals(state);
    }
}

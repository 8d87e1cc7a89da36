package com.arasul.healing.facts;

/**
 * A finding of a health probe about the box as a whole, repeated while it lasts.
 *
 * @param kind {@code database_unreachable}, {@code database_inconsistent},
 *     {@code object_storage_down} or {@code gpu_failed}
 * @param detail what the probe saw
 */
public record SystemCondition(String kind, String detail) {

    public static final String DATABASE_UNREACHABLE = "database_unreachable";
    public static final String DATABASE_INCONSISTENT = "database_inconsistent";
    public static final String OBJECT_STORAGE_DOWN = "object_storage_down";
    public static final String GPU_FAILED = "gpu_failed";
}

package com.arasul.healing.facts;

/**
 * A finding of a health probe about the box as a whole, repeated while it lasts.
 *
 * @param kind {@code database_unreachable}, {@code database_inconsistent},
 *     {@code object_storage_down}, {@code gpu_failed}, or {@code telemetry_silent} (inserted once by
 *     the rule session's silence watch when no metric sample has arrived for 60 seconds)
 * @param detail what the probe saw
 */
public record SystemCondition(String kind, String detail) {

    public static final String DATABASE_UNREACHABLE = "database_unreachable";
    public static final String DATABASE_INCONSISTENT = "database_inconsistent";
    public static final String OBJECT_STORAGE_DOWN = "object_storage_down";
    public static final String GPU_FAILED = "gpu_failed";
    public static final String TELEMETRY_SILENT = "telemetry_silent";
}

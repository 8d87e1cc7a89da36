package com.arasul.updates.format;

/**
 * Bounds a package must stay within; both are enforced while reading, before the bytes that would
 * break them are staged.
 *
 * @param maxFiles        most payload files (and, separately, most folder entries) a package may hold
 * @param maxPackageBytes most bytes the whole archive may have, headers included
 */
public record VerificationLimits(int maxFiles, long maxPackageBytes) {

    public static final long DEFAULT_MAX_PACKAGE_BYTES = 20L * 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_FILES = 10_000;
    /** Fixed by the format, not configurable: a manifest is read into memory. */
    public static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    public VerificationLimits {
        if (maxFiles < 1) throw new IllegalArgumentException("maxFiles must be at least 1");
        if (maxPackageBytes < 1) throw new IllegalArgumentException("maxPackageBytes must be at least 1");
    }

    public static VerificationLimits defaults() {
        return new VerificationLimits(DEFAULT_MAX_FILES, DEFAULT_MAX_PACKAGE_BYTES);
    }
}

package com.arasul.updates.internal.intake;

/** The door a package came in by; the {@code source} column of {@code update_packages}. */
enum PackageSource {
    UPLOAD, USB;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

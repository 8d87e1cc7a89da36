package com.arasul.updates;

/** Where a package stands; the {@code status} column of {@code update_packages}. */
public enum UpdateStatus {
    /** Written to disk, not yet verified. */
    RECEIVED,
    /** Verification or validation said no; nothing changed on the box. */
    REFUSED,
    /** Verified and valid, waiting for the owner to apply it (uploads). */
    READY,
    /** In the durable apply queue. */
    QUEUED,
    /** Being applied; {@code step} says where. */
    APPLYING,
    /** Installed and healthy: the box runs this version. */
    COMMITTED,
    /** Installed, found unhealthy (or interrupted) and put back as it was. */
    ROLLED_BACK,
    /** Could not be applied nor fully rolled back: needs attention. */
    FAILED;

    public boolean isFinal() {
        return this == REFUSED || this == COMMITTED || this == ROLLED_BACK || this == FAILED;
    }
}

package com.arasul.updates;

/** The steps of applying a package, in order; the {@code step} column of packages and events. */
public enum UpdateStep {
    RECEIVE,
    VERIFY,
    VALIDATE,
    QUEUE,
    BACKUP,
    INSTALL,
    RESTART,
    HEALTH_GATE,
    COMMIT,
    ROLLBACK
}

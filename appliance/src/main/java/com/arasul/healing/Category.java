package com.arasul.healing;

/** The escalation categories of the healing rules. */
public enum Category {
    /** A service is down. */
    A,
    /** The box is overloaded. */
    B,
    /** Something critical: database, object storage, repeated failures, silent telemetry. */
    C,
    /** Ultima ratio: reboot. */
    D
}

package com.arasul.updates;

/** Channel names of the update capability. */
public final class UpdateChannels {

    /**
     * Verified, valid packages waiting to be applied: a JDBC-backed queue, so an accepted package
     * survives a restart of the appliance. The payload is the package id as a String.
     */
    public static final String APPLY_QUEUE = "updateApplyQueue";

    private UpdateChannels() {
    }
}

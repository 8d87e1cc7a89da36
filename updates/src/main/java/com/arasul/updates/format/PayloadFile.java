package com.arasul.updates.format;

/**
 * One file of the payload as the manifest lists it.
 *
 * @param path   relative to {@code payload/} inside the archive, {@code /}-separated
 * @param size   its length in bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 */
public record PayloadFile(String path, long size, String sha256) {

    /** The name of its entry in the archive. */
    public String entryName() {
        return PayloadPaths.PREFIX + path;
    }
}

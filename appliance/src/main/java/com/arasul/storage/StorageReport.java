package com.arasul.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The object storage for the owner: its health, each bucket with its settings, the disk, and what
 * the last reconcile found.
 *
 * @param warnings settings that were changed by hand and put back at the last reconcile
 * @param unsupported APIs the storage server does not offer
 */
public record StorageReport(
        Instant timestamp,
        boolean configured,
        String status,
        String message,
        List<BucketState> buckets,
        Disk disk,
        @JsonProperty("last_reconciled_at") Instant lastReconciledAt,
        List<String> warnings,
        List<String> unsupported) {

    /** The disk of the data folder, where local backups go and, on the box, the storage's volume. */
    public record Disk(String path, @JsonProperty("total_bytes") long totalBytes, @JsonProperty("free_bytes") long freeBytes) {
    }
}

package com.arasul.storage.internal;

import com.arasul.storage.StorageBuckets;
import java.util.List;

/**
 * How one bucket must be: always private; versioned or not; objects (and, where versioned, old
 * versions) expiring after a number of days, or kept.
 *
 * @param expiryDays days after which objects expire; 0 keeps them
 */
record BucketSpec(String name, boolean versioned, int expiryDays) {

    static final String RULE_ID = "arasul-expiry";

    /** The seeds' six buckets. */
    static final List<BucketSpec> ALL = List.of(
            new BucketSpec(StorageBuckets.DOCUMENTS, true, 0),
            new BucketSpec(StorageBuckets.WORKFLOW_DATA, true, 30),
            new BucketSpec(StorageBuckets.LLM_CACHE, false, 7),
            new BucketSpec(StorageBuckets.EMBEDDINGS_CACHE, false, 7),
            new BucketSpec(StorageBuckets.BACKUPS, true, 90),
            new BucketSpec(StorageBuckets.UPDATES, true, 0));

    /** Old versions expire with the objects in a versioned bucket that expires. */
    boolean noncurrentExpiry() {
        return versioned && expiryDays > 0;
    }

    String lifecycleText() {
        if (expiryDays == 0) {
            return "kept";
        }
        return "expire after " + expiryDays + " days" + (noncurrentExpiry() ? " (old versions too)" : "");
    }
}

package com.arasul.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Objects in the box's buckets. Every call has a time limit; when the storage is not configured or
 * down a call fails with a {@link StorageUnavailable} carrying a sentence, and never hangs.
 */
public interface ObjectStorage {

    /** Whether an endpoint is configured at all. */
    boolean configured();

    /** The last look at the storage. */
    StorageHealth health();

    /** Uploads a file, streamed: never held in memory. */
    void put(String bucket, String key, Path file, String contentType);

    /** The object's content; the caller closes it. */
    InputStream get(String bucket, String key);

    /** The objects below a prefix, oldest first. */
    List<StoredObject> list(String bucket, String prefix);

    void remove(String bucket, String key);

    record StoredObject(String key, long size, Instant lastModified) {
    }

    /** The storage cannot be used now; the message says why in a sentence. */
    final class StorageUnavailable extends RuntimeException {

        public StorageUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

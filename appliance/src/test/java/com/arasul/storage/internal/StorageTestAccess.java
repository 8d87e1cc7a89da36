package com.arasul.storage.internal;

import com.arasul.storage.BucketState;
import java.util.List;

/** What the storage tests read of the internals. */
public final class StorageTestAccess {

    private StorageTestAccess() {
    }

    public static BucketReconciler.Outcome reconcile(MinioObjectStorage storage) throws io.minio.errors.MinioException {
        return storage.reconcile();
    }

    public static List<BucketState> buckets(MinioObjectStorage storage) {
        return storage.buckets();
    }
}

package com.arasul.storage.internal;

import com.arasul.platform.DataDirectory;
import com.arasul.storage.BucketState;
import com.arasul.storage.ObjectStorage.StorageUnavailable;
import com.arasul.storage.StorageHealth;
import com.arasul.storage.StorageReport;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The object storage for the dashboard. */
@RestController
class StorageController {

    private final MinioObjectStorage storage;
    private final StorageMonitor monitor;
    private final DataDirectory dataDirectory;

    StorageController(MinioObjectStorage storage, StorageMonitor monitor, DataDirectory dataDirectory) {
        this.storage = storage;
        this.monitor = monitor;
        this.dataDirectory = dataDirectory;
    }

    @Operation(summary = "The object storage: health, each bucket's objects, bytes, versioning, expiry and policy, and the disk")
    @GetMapping("/api/storage")
    StorageReport storage() {
        StorageHealth health = storage.health();
        List<BucketState> buckets = List.of();
        String message = health.detail();
        if (health.up()) {
            try {
                buckets = storage.buckets();
            } catch (StorageUnavailable e) {
                message = e.getMessage();
            }
        }
        var reconciled = monitor.lastReconcile();
        return new StorageReport(Instant.now(), storage.configured(), health.state(), message, buckets, disk(),
                reconciled.at(), reconciled.warnings(), reconciled.unsupported());
    }

    private StorageReport.Disk disk() {
        try {
            FileStore store = Files.getFileStore(dataDirectory.root());
            return new StorageReport.Disk(dataDirectory.root().toString(), store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricNames;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Usage of the file systems holding the configured paths, named by their mount point (two paths on one file
 * system give one series). Percent as {@code df} counts it: used / (used + available to users).
 * <p>
 * OSHI finds the mount points once; the sizes are read each second through the JDK's {@link FileStore}
 * (one {@code statvfs}, microseconds), not OSHI's {@code updateAttributes}, which lists and parses every
 * mount of the host on each call (about 6 ms, more with the overlay mounts of many containers).
 */
final class DiskUsage {

    private static final Logger log = LoggerFactory.getLogger(DiskUsage.class);

    private final Map<String, FileStore> stores = new LinkedHashMap<>();

    DiskUsage(FileSystem fileSystem, List<Path> paths) {
        List<OSFileStore> all = fileSystem.getFileStores(true);
        for (Path path : paths) {
            Optional<OSFileStore> store = storeOf(all, path);
            store.ifPresentOrElse(s -> open(s.getMount()).ifPresent(nio -> stores.putIfAbsent(s.getMount(), nio)),
                    () -> log.warn("No file system found for {}: its disk usage stays absent", path));
        }
    }

    private static Optional<FileStore> open(String mount) {
        try {
            return Optional.of(Files.getFileStore(Path.of(mount)));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the file system at {}: its disk usage stays absent ({})", mount, e.toString());
            return Optional.empty();
        }
    }

    /** The store whose mount point is the longest prefix of the path. */
    private static Optional<OSFileStore> storeOf(List<OSFileStore> all, Path path) {
        Path real = realPath(path);
        OSFileStore best = null;
        for (OSFileStore store : all) {
            String mount = store.getMount();
            if (mount != null && !mount.isEmpty() && real.startsWith(Path.of(mount))
                    && (best == null || mount.length() > best.getMount().length())) {
                best = store;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    void read(Map<String, Double> values) {
        stores.forEach((mount, store) -> {
            long total;
            long used;
            long available;
            try {
                total = store.getTotalSpace();
                used = total - store.getUnallocatedSpace();
                available = store.getUsableSpace();
            } catch (IOException e) {
                return; // unmounted or unreadable this second: absent, not zero
            }
            if (total <= 0) {
                return;
            }
            values.put(MetricNames.diskUsedBytes(mount), (double) used);
            values.put(MetricNames.diskFreeBytes(mount), (double) available);
            if (used + available > 0) {
                values.put(MetricNames.diskPercent(mount), 100.0 * used / (used + available));
            }
        });
    }

    List<String> mounts() {
        return List.copyOf(stores.keySet());
    }
}

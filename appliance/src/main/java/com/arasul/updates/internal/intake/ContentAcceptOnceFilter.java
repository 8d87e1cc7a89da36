package com.arasul.updates.internal.intake;

import java.io.File;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.integration.file.filters.AbstractFileListFilter;
import org.springframework.integration.metadata.ConcurrentMetadataStore;

/**
 * Lets each package content through once: the key is the SHA-256 of the file, remembered in the
 * database, so the same package is ignored under another name, on another stick and after a
 * restart. Put it last in a chain, so that only settled packages are hashed.
 *
 * <p>Two exceptions, decided by the package's row in {@code update_packages}:
 * <ul>
 * <li>a mark without a row, left by an earlier run of the appliance that stopped before it wrote the
 *     row, does not count: the file is taken again (a mark of this run without a row is in flight);</li>
 * <li>a package refused only for the box's passing state is taken again once its stick was taken out
 *     and put back (or after a restart), never over and over while the stick stays in.</li>
 * </ul>
 */
final class ContentAcceptOnceFilter extends AbstractFileListFilter<File> {

    static final String KEY_PREFIX = "usb-package:";

    private final String run = UUID.randomUUID().toString();
    private final ConcurrentMetadataStore store;
    private final FileHashes hashes;
    private final PackageStore packages;
    /** Which file each content was taken from in this run; forgotten once that file is gone (stick out). */
    private final Map<String, File> takenFrom = new ConcurrentHashMap<>();

    ContentAcceptOnceFilter(ConcurrentMetadataStore store, FileHashes hashes, PackageStore packages) {
        this.store = store;
        this.hashes = hashes;
        this.packages = packages;
    }

    @Override
    public boolean accept(File file) {
        String sha256 = hashes.sha256(file);
        String key = KEY_PREFIX + sha256;
        String mark = run + " " + file.getName() + " at " + Instant.now();
        mark = mark.length() > 4000 ? mark.substring(0, 4000) : mark;
        String earlier = store.putIfAbsent(key, mark);
        boolean take;
        if (earlier == null) {
            take = true;
        } else {
            Optional<PackageStore.Row> row = packages.bySha256(sha256);
            boolean lostByAnEarlierRun = row.isEmpty() && !earlier.startsWith(run + " ");
            boolean mayComeAgain = row.isPresent() && row.get().mayComeAgain() && !takenFrom.containsKey(sha256);
            take = (lostByAnEarlierRun || mayComeAgain) && store.replace(key, earlier, mark);
        }
        if (take) {
            takenFrom.put(sha256, file);
        }
        return take;
    }

    /** Forgets the contents whose files are gone, so that a stick put back in is looked at again. */
    void forgetRemoved() {
        takenFrom.values().removeIf(file -> !file.exists());
    }
}

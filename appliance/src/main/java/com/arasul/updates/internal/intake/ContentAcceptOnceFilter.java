package com.arasul.updates.internal.intake;

import java.io.File;
import java.time.Instant;
import org.springframework.integration.file.filters.AbstractFileListFilter;
import org.springframework.integration.metadata.ConcurrentMetadataStore;

/**
 * Lets each package content through once, ever: the key is the SHA-256 of the file, remembered in
 * the database, so the same package is ignored under another name, on another stick and after a
 * restart. Put it last in a chain, so that only settled packages are hashed.
 */
final class ContentAcceptOnceFilter extends AbstractFileListFilter<File> {

    static final String KEY_PREFIX = "usb-package:";

    private final ConcurrentMetadataStore store;
    private final FileHashes hashes;

    ContentAcceptOnceFilter(ConcurrentMetadataStore store, FileHashes hashes) {
        this.store = store;
        this.hashes = hashes;
    }

    @Override
    public boolean accept(File file) {
        String seen = file.getName() + " at " + Instant.now();
        return store.putIfAbsent(KEY_PREFIX + hashes.sha256(file), seen.length() > 4000 ? seen.substring(0, 4000) : seen) == null;
    }
}

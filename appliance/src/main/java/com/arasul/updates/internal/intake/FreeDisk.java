package com.arasul.updates.internal.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free space of the file system a folder lies on. */
@FunctionalInterface
public interface FreeDisk {

    long usableBytes(Path folder);

    /** What the file system says. */
    static FreeDisk fileSystem() {
        return folder -> {
            try {
                return Files.getFileStore(folder).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the free space of " + folder, e);
            }
        };
    }
}

package com.arasul.updates.internal.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** The intake's folders, created at start: trusted keys, uploads being checked, staged payloads. */
record IntakeFolders(Path trustedKeys, Path incoming, Path staging, Path rulesDir) {

    IntakeFolders {
        for (Path folder : new Path[] {trustedKeys, incoming, staging}) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder, e);
            }
        }
    }

    static IntakeFolders of(UpdateProperties properties, Path dataDir) {
        return new IntakeFolders(properties.trustedKeys(dataDir), properties.incoming(dataDir),
                properties.staging(dataDir), properties.rulesDir(dataDir));
    }

    /** The staging folder of one package: {@code <staging>/<id>}. */
    Path stagingOf(UUID id) {
        return staging.resolve(id.toString());
    }

    void removeStaging(UUID id) {
        delete(stagingOf(id));
    }

    static void delete(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }
}

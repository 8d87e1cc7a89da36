package com.arasul.updates.format;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed description of a package: what it installs, from which version on, and every payload
 * file with its size and hash. Read with {@link ManifestCodec}.
 */
public record Manifest(
        int format,
        SemanticVersion version,
        SemanticVersion minVersion,
        Instant createdAt,
        String keyId,
        boolean requiresReboot,
        String releaseNotes,
        List<Component> components,
        List<PayloadFile> files) {

    /** The only format this library reads and writes. */
    public static final int FORMAT = 1;

    public Manifest {
        components = List.copyOf(components);
        files = List.copyOf(files);
    }

    public Optional<PayloadFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The sum of all payload file sizes: what staging needs on disk. */
    public long payloadBytes() {
        return files.stream().mapToLong(PayloadFile::size).sum();
    }
}

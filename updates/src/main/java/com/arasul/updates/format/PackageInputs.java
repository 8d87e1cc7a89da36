package com.arasul.updates.format;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What goes into a package.
 *
 * @param images     image file ({@code docker save} output, optionally gzip) per service, in order
 * @param migrations a folder holding a Liquibase changelog, if any
 * @param rules      a folder holding {@code .drl} files, if any
 */
public record PackageInputs(
        SemanticVersion version,
        SemanticVersion minVersion,
        String releaseNotes,
        boolean requiresReboot,
        Map<String, Path> images,
        Optional<Path> migrations,
        Optional<Path> rules,
        Instant createdAt) {

    public PackageInputs {
        if (minVersion.isNewerThan(version)) {
            throw new IllegalArgumentException("min_version " + minVersion + " is newer than version " + version);
        }
        images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
        releaseNotes = releaseNotes == null ? "" : releaseNotes;
    }
}

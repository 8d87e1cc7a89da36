package com.arasul.updates.internal.apply;

import com.arasul.updates.format.Component;
import com.arasul.updates.format.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One package being applied: what it brings and where its files and its backup lie.
 *
 * @param staging the verified payload, files at their manifest paths
 * @param backupDir where the copy of the rules folder and the database dump go
 */
record ApplyJob(UUID id, Manifest manifest, Path staging, Path backupDir) {

    String version() {
        return manifest.version().toString();
    }

    List<Component.Image> images() {
        return manifest.components().stream().filter(Component.Image.class::isInstance).map(Component.Image.class::cast).toList();
    }

    List<String> services() {
        return images().stream().map(Component.Image::service).toList();
    }

    Optional<Component.Migrations> migrations() {
        return manifest.components().stream().filter(Component.Migrations.class::isInstance)
                .map(Component.Migrations.class::cast).findFirst();
    }

    Optional<Component.Rules> rules() {
        return manifest.components().stream().filter(Component.Rules.class::isInstance)
                .map(Component.Rules.class::cast).findFirst();
    }

    Optional<Path> migrationsDir() {
        return migrations().map(m -> staging.resolve(m.dir()));
    }

    Optional<Path> rulesDir() {
        return rules().map(r -> staging.resolve(r.dir()));
    }

    /** A short list of what changes, for sentences: "n8n, the database and the rules". */
    String whatChanges() {
        List<String> parts = new java.util.ArrayList<>(services());
        migrations().ifPresent(m -> parts.add("the database"));
        rules().ifPresent(r -> parts.add("the rules"));
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "nothing" : parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}

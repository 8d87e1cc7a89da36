package com.arasul.updates.internal.intake;

import com.arasul.updates.format.Ed25519Keys;
import com.arasul.updates.format.PackageInputs;
import com.arasul.updates.format.PackageWriter;
import com.arasul.updates.format.SemanticVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed packages for the intake tests, built with the format library's writer and a key pair
 * whose public half is written into the appliance's trusted-keys folder.
 */
final class TestPackages {

    private final KeyPair key = Ed25519Keys.generate();
    private final Path work;

    TestPackages(Path work) {
        this.work = work;
    }

    /** Makes the appliance trust this key. */
    TestPackages trustedBy(Path trustedKeys) {
        try {
            Files.createDirectories(trustedKeys);
            Files.writeString(trustedKeys.resolve("test-" + UUID.randomUUID() + ".pem"), Ed25519Keys.toPem(key.getPublic()));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package with a rules component only: touches no container. Each one is unique. */
    Path rules(String version, String minVersion) {
        return build(version, minVersion, Map.of());
    }

    /** A package with an image for each of the services (the image file is a stand-in). */
    Path images(String version, String minVersion, String... services) {
        Map<String, Path> images = new LinkedHashMap<>();
        for (String service : services) {
            images.put(service, file("images/" + service + ".tar", "image of " + service + " " + UUID.randomUUID()));
        }
        return build(version, minVersion, images);
    }

    private Path build(String version, String minVersion, Map<String, Path> images) {
        try {
            Path dir = Files.createDirectories(work.resolve("src-" + UUID.randomUUID()));
            Path rules = Files.createDirectories(dir.resolve("rules"));
            Files.writeString(rules.resolve("extra.drl"), "package updates;\n// " + UUID.randomUUID() + "\n");
            PackageInputs inputs = new PackageInputs(SemanticVersion.parse(version), SemanticVersion.parse(minVersion),
                    "test package " + version, false, images, Optional.empty(), Optional.of(rules), Instant.now());
            Path out = work.resolve("v" + version + "-" + UUID.randomUUID() + ".araupdate");
            new PackageWriter(key.getPrivate()).write(inputs, out, false);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name, String content) {
        try {
            Path file = work.resolve("img-" + UUID.randomUUID()).resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

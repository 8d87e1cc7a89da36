package com.arasul.updates;

import com.arasul.updates.format.Ed25519Keys;
import com.arasul.updates.format.Manifest;
import com.arasul.updates.format.ManifestCodec;
import com.arasul.updates.format.PackageInputs;
import com.arasul.updates.format.PackageVerifier;
import com.arasul.updates.format.PackageWriter;
import com.arasul.updates.format.SemanticVersion;
import com.arasul.updates.format.TrustedKeys;
import com.arasul.updates.format.VerificationLimits;
import com.arasul.updates.format.VerifiedPackage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Packages for the apply tests, made with the same library as the CLI and staged the way intake
 * leaves them: verified into {@code <data>/updates/staged/<id>/} and recorded in
 * {@code update_packages} (until the intake side lands, tests write that row themselves).
 */
final class TestPackages {

    private static final KeyPair KEYS = Ed25519Keys.generate();

    private final Path dataDir;
    private final JdbcTemplate jdbc;
    private final Path work;

    TestPackages(Path dataDir, JdbcTemplate jdbc) throws java.io.IOException {
        this.dataDir = dataDir;
        this.jdbc = jdbc;
        this.work = Files.createDirectories(dataDir.resolve("test-packages"));
    }

    final class Builder {
        private final String version;
        private final Map<String, Path> images = new LinkedHashMap<>();
        private Path migrations;
        private Path rules;

        Builder(String version) {
            this.version = version;
        }

        Builder image(String service, Path tar) {
            images.put(service, tar);
            return this;
        }

        Builder migrations(Path dir) {
            migrations = dir;
            return this;
        }

        Builder rules(Path dir) {
            rules = dir;
            return this;
        }

        /** Writes, verifies and stages the package; answers its id, the row in status {@code status}. */
        UUID stage(UpdateStatus status) throws Exception {
            var inputs = new PackageInputs(SemanticVersion.parse(version), SemanticVersion.parse("0.0.0"), "test " + version,
                    false, images, Optional.ofNullable(migrations), Optional.ofNullable(rules), Instant.now());
            UUID id = UUID.randomUUID();
            Path file = work.resolve(id + ".araupdate");
            new PackageWriter(KEYS.getPrivate()).write(inputs, file, false);
            VerifiedPackage verified = new PackageVerifier(TrustedKeys.of(KEYS.getPublic()), VerificationLimits.defaults())
                    .verify(file, dataDir.resolve("updates/staged/" + id));
            Manifest manifest = verified.manifest();
            jdbc.update("""
                    insert into update_packages (id, sha256, version, min_version, key_id, source, file_name, size_bytes, manifest, status, step)
                    values (?, ?, ?, ?, ?, 'upload', ?, ?, ?::jsonb, ?, ?)""",
                    id, verified.manifestSha256(), version, "0.0.0", manifest.keyId(), file.getFileName().toString(),
                    Files.size(file), new String(ManifestCodec.write(manifest), StandardCharsets.UTF_8), status.name(),
                    status == UpdateStatus.QUEUED ? UpdateStep.QUEUE.name() : UpdateStep.VALIDATE.name());
            Files.delete(file);
            return id;
        }
    }

    Builder version(String version) {
        return new Builder(version);
    }

    String status(UUID id) {
        return jdbc.queryForObject("select status from update_packages where id = ?", String.class, id);
    }

    String reason(UUID id) {
        return jdbc.queryForObject("select coalesce(reason, '') from update_packages where id = ?", String.class, id);
    }

    java.util.List<String> events(UUID id) {
        return jdbc.queryForList("select step || ' ' || status || ': ' || message from update_events where package_id = ? order by id",
                String.class, id);
    }
}

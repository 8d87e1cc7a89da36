package com.arasul.updates.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageRoundTripTests {

    @TempDir
    Path temp;

    @Test
    void verifiesWhatTheWriterBuiltAndStagesIdenticalFiles() throws Exception {
        PackageInputs inputs = inputs();
        Path pkg = temp.resolve("v2.araupdate");
        Manifest written = new PackageWriter(PackageFixture.KEY.getPrivate()).write(inputs, pkg, false);

        VerifiedPackage verified = new PackageVerifier(TrustedKeys.of(PackageFixture.KEY.getPublic()), VerificationLimits.defaults())
                .verify(pkg, temp.resolve("staging"));

        assertThat(verified.manifest()).isEqualTo(written);
        assertThat(verified.manifest().components()).containsExactly(
                new Component.Image("vision", "images/vision.tar"), new Component.Image("llm", "images/llm.tar.gz"),
                new Component.Migrations("migrations"), new Component.Rules("rules"));
        assertThat(verified.stagedFile("images/vision.tar")).hasSameBinaryContentAs(temp.resolve("in/vision.tar"));
        assertThat(verified.stagedFile("images/llm.tar.gz")).hasSameBinaryContentAs(temp.resolve("in/llm.tar.gz"));
        assertThat(verified.stagedFile("migrations/2026/001-add.sql")).hasSameBinaryContentAs(temp.resolve("in/migrations/2026/001-add.sql"));
        assertThat(verified.stagedFile("rules/healing.drl")).hasContent("package rules.healing;");
        assertThat(verified.archiveBytes()).isEqualTo(Files.size(pkg));
    }

    @Test
    void trustsEitherOfTwoKeysDuringRotation() throws Exception {
        KeyPair oldKey = PackageFixture.KEY;
        KeyPair newKey = PackageFixture.OTHER_KEY;
        Path keys = Files.createDirectories(temp.resolve("update-keys"));
        Files.writeString(keys.resolve("old.pem"), Ed25519Keys.toPem(oldKey.getPublic()));
        Files.writeString(keys.resolve("new.pem"), Ed25519Keys.toPem(newKey.getPublic()));
        Path byOld = temp.resolve("old.araupdate");
        Path byNew = temp.resolve("new.araupdate");
        new PackageWriter(oldKey.getPrivate()).write(inputs(), byOld, false);
        new PackageWriter(newKey.getPrivate()).write(inputs(), byNew, false);

        PackageVerifier both = new PackageVerifier(TrustedKeys.load(keys), VerificationLimits.defaults());
        assertThat(both.verify(byOld, temp.resolve("s1")).manifest().keyId()).isEqualTo(Ed25519Keys.keyId(oldKey.getPublic()));
        assertThat(both.verify(byNew, temp.resolve("s2")).manifest().keyId()).isEqualTo(Ed25519Keys.keyId(newKey.getPublic()));

        Files.delete(keys.resolve("old.pem"));
        PackageVerifier rotated = new PackageVerifier(TrustedKeys.load(keys), VerificationLimits.defaults());
        assertThat(rotated.verify(byNew, temp.resolve("s3")).manifest().version()).hasToString("2.0.0");
        assertThat(PackageVerifierRefusalTests.refusal(() -> rotated.verify(byOld, temp.resolve("s4"))).reason())
                .isEqualTo(RefusalReason.UNKNOWN_KEY);
    }

    @Test
    void derivesThePublicKeyFromThePrivateKey() {
        assertThat(Ed25519Keys.publicKeyOf(PackageFixture.KEY.getPrivate()).getEncoded())
                .isEqualTo(PackageFixture.KEY.getPublic().getEncoded());
    }

    private PackageInputs inputs() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        if (!Files.exists(in.resolve("vision.tar"))) {
            Files.write(in.resolve("vision.tar"), PackageFixture.repeat("layer", 100_000));
            try (var gz = new GZIPOutputStream(Files.newOutputStream(in.resolve("llm.tar.gz")))) {
                gz.write(PackageFixture.repeat("weights", 10_000));
            }
            Files.createDirectories(in.resolve("migrations/2026"));
            Files.writeString(in.resolve("migrations/changelog.xml"), "<databaseChangeLog/>");
            Files.writeString(in.resolve("migrations/2026/001-add.sql"), "--liquibase formatted sql");
            Files.createDirectories(in.resolve("rules"));
            Files.writeString(in.resolve("rules/healing.drl"), "package rules.healing;");
        }
        return new PackageInputs(SemanticVersion.parse("2.0.0"), SemanticVersion.parse("1.0.0"), "New vision", false,
                Map.of("vision", in.resolve("vision.tar"), "llm", in.resolve("llm.tar.gz")).entrySet().stream()
                        .sorted(Map.Entry.<String, Path>comparingByKey().reversed())
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new)),
                Optional.of(in.resolve("migrations")), Optional.of(in.resolve("rules")), Instant.parse("2026-02-01T08:00:00Z"));
    }
}

package com.arasul.updates.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of FORMAT.md, run for real: a package made with nothing but openssl and GNU
 * tar verifies with this library, and one made by this library verifies with openssl.
 */
class OpensslInteropTests {

    @TempDir
    Path dir;

    @Test
    void verifiesPackageSignedWithTheOpensslCommandLine() throws Exception {
        sh("openssl genpkey -algorithm ed25519 -out private.pem");
        sh("openssl pkey -in private.pem -pubout -out public.pem");
        String keyId = sh("openssl pkey -pubin -in public.pem -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1").strip();
        Files.createDirectories(dir.resolve("payload/rules"));
        Files.writeString(dir.resolve("payload/rules/maintenance.drl"), "package rules.updates;\n");
        String sha = sh("openssl dgst -sha256 -r payload/rules/maintenance.drl | cut -d' ' -f1").strip();
        Files.writeString(dir.resolve("manifest.json"), """
                {"format": 1, "version": "1.3.0", "min_version": "1.0.0", "created_at": "2026-02-01T10:00:00Z",
                 "key_id": "%s", "requires_reboot": false, "release_notes": "Maintenance window rule",
                 "components": [{"type": "rules", "dir": "rules"}],
                 "files": [{"path": "rules/maintenance.drl", "size": 23, "sha256": "%s"}]}
                """.formatted(keyId, sha));
        sh("openssl pkeyutl -sign -rawin -inkey private.pem -in manifest.json -out manifest.sig");
        sh("tar --format=posix -cf update.araupdate manifest.json manifest.sig payload");
        Files.createDirectories(dir.resolve("keys"));
        Files.copy(dir.resolve("public.pem"), dir.resolve("keys/integrator.pem"));

        VerifiedPackage verified = new PackageVerifier(TrustedKeys.load(dir.resolve("keys")), VerificationLimits.defaults())
                .verify(dir.resolve("update.araupdate"), dir.resolve("staging"));

        assertThat(verified.manifest().keyId()).isEqualTo(keyId);
        assertThat(verified.stagedFile("rules/maintenance.drl")).hasContent("package rules.updates;");
        assertThat(new PackageWriter(Ed25519Keys.readPrivateKey(Files.readString(dir.resolve("private.pem")))).keyId())
                .as("the writer reads openssl's private key and derives the same key id").isEqualTo(keyId);
    }

    @Test
    void opensslVerifiesTheSignatureThisLibraryWrites() throws Exception {
        Files.writeString(dir.resolve("private.pem"), Ed25519Keys.toPem(PackageFixture.KEY.getPrivate()));
        Files.writeString(dir.resolve("public.pem"), Ed25519Keys.toPem(PackageFixture.KEY.getPublic()));
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/a.drl"), "package rules.a;");
        new PackageWriter(Ed25519Keys.readPrivateKey(Files.readString(dir.resolve("private.pem")))).write(
                new PackageInputs(SemanticVersion.parse("1.0.1"), SemanticVersion.parse("1.0.0"), "", false, Map.of(),
                        Optional.empty(), Optional.of(dir.resolve("rules")), Instant.parse("2026-02-01T10:00:00Z")),
                dir.resolve("p.araupdate"), false);
        Files.createDirectories(dir.resolve("x"));
        sh("tar -xf p.araupdate -C x");
        assertThat(sh("openssl pkeyutl -verify -rawin -pubin -inkey public.pem -in x/manifest.json -sigfile x/manifest.sig"))
                .contains("Signature Verified Successfully");
        assertThat(sh("tar -tf p.araupdate")).isEqualTo("manifest.json\nmanifest.sig\npayload/rules/a.drl\n");
    }

    private String sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(command + "\n" + out).isZero();
        return out;
    }
}

package com.arasul.updates.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as an integrator uses it: keygen, create, verify, and every misuse answered with a clear message. */
class UpdateCliTests {

    @TempDir
    Path dir;

    String out;
    String err;

    @BeforeEach
    void inputs() throws IOException {
        Files.write(dir.resolve("vision.tar"), "IMAGE-BYTES-".repeat(5000).getBytes());
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/changelog.sql"), "--liquibase formatted sql\n");
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/healing.drl"), "package rules.healing;\n");
    }

    @Test
    void keygenCreateAndVerifyEndToEnd() throws IOException {
        assertThat(cli("keygen", "--out", p("keys"))).isZero();
        assertThat(out.strip()).matches("[0-9a-f]{64}");
        String keyId = out.strip();
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/private.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(dir.resolve("trusted"));
        Files.copy(dir.resolve("keys/public.pem"), dir.resolve("trusted/vendor.pem"));

        assertThat(create("--out", p("v2.araupdate"))).isZero();
        assertThat(out).contains("version 2.0.0", "3 files", keyId);

        List<Path> stagingBefore = verifyStagingFolders();
        assertThat(cli("verify", p("v2.araupdate"), "--keys", p("trusted"))).isZero();
        assertThat(out).startsWith("valid: version 2.0.0 (from 1.0.0)");
        assertThat(verifyStagingFolders()).isEqualTo(stagingBefore);

        byte[] pkg = Files.readAllBytes(dir.resolve("v2.araupdate"));
        int image = new String(pkg, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("IMAGE-BYTES-");
        pkg[image + 30_000] ^= 0x01;
        Files.write(dir.resolve("tampered.araupdate"), pkg);
        assertThat(cli("verify", p("tampered.araupdate"), "--keys", p("trusted"))).isEqualTo(2);
        assertThat(err).startsWith("invalid: HASH_MISMATCH: ").contains("images/vision.tar");
        assertThat(verifyStagingFolders()).isEqualTo(stagingBefore);
    }

    @Test
    void verifyRefusesPackageFromAnUntrustedKey() throws IOException {
        cli("keygen", "--out", p("keys"));
        cli("keygen", "--out", p("other"));
        Files.createDirectories(dir.resolve("trusted"));
        Files.copy(dir.resolve("other/public.pem"), dir.resolve("trusted/other.pem"));
        create("--out", p("v2.araupdate"));
        assertThat(cli("verify", p("v2.araupdate"), "--keys", p("trusted"))).isEqualTo(2);
        assertThat(err).startsWith("invalid: UNKNOWN_KEY: ");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        cli("keygen", "--out", p("keys"));
        assertThat(cli("keygen", "--out", p("keys"))).isEqualTo(64);
        assertThat(err).contains("already exist", "--force");
        create("--out", p("v2.araupdate"));
        assertThat(create("--out", p("v2.araupdate"))).isEqualTo(64);
        assertThat(err).contains("already exists", "--force");
        assertThat(create("--out", p("v2.araupdate"), "--force")).isZero();
        assertThat(dir.resolve("v2.araupdate.part")).doesNotExist();
    }

    @Test
    void explainsEveryMisuseWithExitCode64() throws IOException {
        cli("keygen", "--out", p("keys"));
        Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        Files.createDirectories(dir.resolve("empty"));
        assertUsage(List.of(), "choose a command");
        assertUsage(List.of("frobnicate"), "frobnicate");
        assertUsage(List.of("keygen"), "--out");
        assertUsage(List.of("create", "--version", "2.0.0", "--key", p("keys/private.pem"), "--rules", p("rules")), "--min-version", "--out");
        assertUsage(createArgs("--version", "2.0"), "not a semantic version");
        assertUsage(List.of("create", "--version", "1.0.0", "--min-version", "2.0.0", "--key", p("keys/private.pem"), "--rules", p("rules"),
                "--out", p("x.araupdate")), "newer than");
        assertUsage(List.of("create", "--version", "2.0.0", "--min-version", "1.0.0", "--key", p("missing.pem"), "--rules", p("rules"),
                "--out", p("x.araupdate")), "missing.pem", "not a file");
        assertUsage(List.of("create", "--version", "2.0.0", "--min-version", "1.0.0", "--key", p("not-a-key.pem"), "--rules", p("rules"),
                "--out", p("x.araupdate")), "not an Ed25519 private key");
        assertUsage(List.of("create", "--version", "2.0.0", "--min-version", "1.0.0", "--key", p("keys/private.pem"),
                "--image", "vision=" + p("nope.tar"), "--out", p("x.araupdate")), "nope.tar", "not a file");
        assertUsage(List.of("create", "--version", "2.0.0", "--min-version", "1.0.0", "--key", p("keys/private.pem"),
                "--out", p("x.araupdate")), "nothing to package");
        assertUsage(List.of("create", "--version", "2.0.0", "--min-version", "1.0.0", "--key", p("keys/private.pem"),
                "--rules", p("migrations"), "--out", p("x.araupdate")), "no .drl files");
        assertUsage(List.of("verify", p("nope.araupdate"), "--keys", p("keys")), "not a readable file");
        Files.writeString(dir.resolve("some.araupdate"), "x");
        assertUsage(List.of("verify", p("some.araupdate"), "--keys", p("empty")), "no *.pem public keys");
        assertUsage(List.of("verify", p("some.araupdate"), "--keys", p("nope")), "not a folder");
        assertThat(dir.resolve("x.araupdate")).doesNotExist();
    }

    private void assertUsage(List<String> args, String... messageParts) {
        assertThat(cli(args.toArray(String[]::new))).as(String.join(" ", args)).isEqualTo(64);
        assertThat(err).as(String.join(" ", args)).contains(messageParts).contains("--help");
    }

    private int create(String... extra) {
        return cli(createArgs(extra).toArray(String[]::new));
    }

    private List<String> createArgs(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("create", "--version", "2.0.0", "--min-version", "1.0.0",
                "--key", p("keys/private.pem"), "--image", "vision=" + p("vision.tar"), "--migrations", p("migrations"),
                "--rules", p("rules"), "--notes", "Sharper vision"));
        if (extra.length > 0 && extra[0].equals("--version")) {
            args.set(2, extra[1]);
            args.add("--out");
            args.add(p("y.araupdate"));
        } else {
            args.addAll(List.of(extra));
        }
        return args;
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = UpdateCli.run(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private static List<Path> verifyStagingFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(x -> x.getFileName().toString().startsWith("araupdate-verify-")).sorted().toList();
        }
    }
}

package com.arasul.updates.cli;

import com.arasul.updates.format.Ed25519Keys;
import com.arasul.updates.format.Manifest;
import com.arasul.updates.format.PackageInputs;
import com.arasul.updates.format.PackageWriter;
import com.arasul.updates.format.SemanticVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build and sign an .araupdate package.")
final class CreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The version this package installs (semver).")
    SemanticVersion version;

    @Option(names = "--min-version", required = true, paramLabel = "V", description = "The oldest installed version it may update.")
    SemanticVersion minVersion;

    @Option(names = "--key", required = true, paramLabel = "PRIVATE.pem", description = "Ed25519 private key (PKCS#8 PEM).")
    Path key;

    @Option(names = "--image", paramLabel = "SERVICE=FILE", description = "An image (docker save output, may be gzipped) for a service; repeatable.")
    Map<String, Path> images = new LinkedHashMap<>();

    @Option(names = "--migrations", paramLabel = "DIR", description = "Folder holding a Liquibase changelog.")
    Path migrations;

    @Option(names = "--rules", paramLabel = "DIR", description = "Folder holding .drl rule files.")
    Path rules;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Release notes shown to the owner.")
    String notes = "";

    @Option(names = "--requires-reboot", description = "The box must reboot after installing.")
    boolean requiresReboot;

    @Option(names = "--out", required = true, paramLabel = "FILE.araupdate", description = "Where to write the package.")
    Path out;

    @Option(names = "--force", description = "Replace the out file if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (minVersion.isNewerThan(version)) {
            throw UpdateCli.usage(spec, "--min-version " + minVersion + " is newer than --version " + version);
        }
        if (images.isEmpty() && migrations == null && rules == null) {
            throw UpdateCli.usage(spec, "nothing to package: give at least one --image, --migrations or --rules");
        }
        images.forEach((service, file) -> requireReadableFile("--image " + service, file));
        requireFolder("--migrations", migrations);
        requireFolder("--rules", rules);
        if (Files.exists(out) && !force) throw UpdateCli.usage(spec, out + " already exists (use --force to replace it)");
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) throw UpdateCli.usage(spec, "the folder " + parent + " for --out does not exist");

        PackageWriter writer = new PackageWriter(privateKey());
        PackageInputs inputs;
        try {
            inputs = new PackageInputs(version, minVersion, notes, requiresReboot, images,
                    Optional.ofNullable(migrations), Optional.ofNullable(rules), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            Manifest m = writer.write(inputs, out, force);
            spec.commandLine().getOut().printf("%s: version %s (from %s), %d files, %d payload bytes, key %s%n",
                    out, m.version(), m.minVersion(), m.files().size(), m.payloadBytes(), m.keyId());
        } catch (IllegalArgumentException e) {
            throw UpdateCli.usage(spec, e.getMessage());
        }
        return UpdateCli.OK;
    }

    private PrivateKey privateKey() {
        requireReadableFile("--key", key);
        try {
            if (Files.size(key) > 64 * 1024) throw UpdateCli.usage(spec, "--key " + key + " is too large to be a key");
            return Ed25519Keys.readPrivateKey(Files.readString(key, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            throw UpdateCli.usage(spec, "--key " + key + " is not an Ed25519 private key in PEM form (openssl genpkey -algorithm ed25519)");
        }
    }

    private void requireReadableFile(String option, Path file) {
        if (!Files.isRegularFile(file)) throw UpdateCli.usage(spec, option + ": " + file + " is not a file");
        if (!Files.isReadable(file)) throw UpdateCli.usage(spec, option + ": " + file + " is not readable");
    }

    private void requireFolder(String option, Path dir) {
        if (dir == null) return;
        if (!Files.isDirectory(dir)) throw UpdateCli.usage(spec, option + ": " + dir + " is not a folder");
        if (!Files.isReadable(dir)) throw UpdateCli.usage(spec, option + ": " + dir + " is not readable");
    }
}

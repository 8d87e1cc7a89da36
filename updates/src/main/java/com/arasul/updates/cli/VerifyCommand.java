package com.arasul.updates.cli;

import com.arasul.updates.format.Manifest;
import com.arasul.updates.format.PackageRefusedException;
import com.arasul.updates.format.PackageVerifier;
import com.arasul.updates.format.TrustedKeys;
import com.arasul.updates.format.VerificationLimits;
import com.arasul.updates.format.VerifiedPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a package completely (signature, manifest, every file) in a temporary folder that is removed afterwards.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .araupdate package.")
    Path file;

    @Option(names = "--keys", required = true, paramLabel = "DIR", description = "Folder of trusted public keys (*.pem).")
    Path keys;

    @Option(names = "--max-files", paramLabel = "N", description = "Most payload files allowed (default ${DEFAULT-VALUE}).")
    int maxFiles = VerificationLimits.DEFAULT_MAX_FILES;

    @Option(names = "--max-bytes", paramLabel = "BYTES", description = "Largest package allowed (default ${DEFAULT-VALUE}).")
    long maxBytes = VerificationLimits.DEFAULT_MAX_PACKAGE_BYTES;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw UpdateCli.usage(spec, file + " is not a readable file");
        if (!Files.isDirectory(keys)) throw UpdateCli.usage(spec, "--keys: " + keys + " is not a folder");
        if (maxFiles < 1 || maxBytes < 1) throw UpdateCli.usage(spec, "--max-files and --max-bytes must be positive");
        TrustedKeys trusted;
        try {
            trusted = TrustedKeys.load(keys);
        } catch (IOException e) {
            throw UpdateCli.usage(spec, "--keys: " + e.getMessage());
        }
        if (trusted.isEmpty()) throw UpdateCli.usage(spec, "--keys: " + keys + " holds no *.pem public keys");

        Path staging = Files.createTempDirectory("araupdate-verify-");
        try {
            VerifiedPackage verified = new PackageVerifier(trusted, new VerificationLimits(maxFiles, maxBytes)).verify(file, staging);
            Manifest m = verified.manifest();
            spec.commandLine().getOut().printf("valid: version %s (from %s), %d files, %d payload bytes, key %s%n",
                    m.version(), m.minVersion(), m.files().size(), m.payloadBytes(), m.keyId());
            return UpdateCli.OK;
        } catch (PackageRefusedException e) {
            spec.commandLine().getErr().println("invalid: " + e.reason() + ": " + e.sentence());
            return UpdateCli.INVALID;
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

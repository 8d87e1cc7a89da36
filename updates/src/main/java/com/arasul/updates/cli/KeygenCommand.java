package com.arasul.updates.cli;

import com.arasul.updates.format.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Make an Ed25519 signing key pair: DIR/private.pem (mode 0600, keep it secret) and DIR/public.pem",
                "(copy it into the appliance's config/update-keys/). Prints the key id."})
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the key files (created if missing).")
    Path out;

    @Option(names = "--force", description = "Replace key files that already exist.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Path privatePem = out.resolve("private.pem");
        Path publicPem = out.resolve("public.pem");
        if (Files.exists(out) && !Files.isDirectory(out)) throw UpdateCli.usage(spec, out + " exists and is not a folder");
        if (!force && (Files.exists(privatePem) || Files.exists(publicPem))) {
            throw UpdateCli.usage(spec, "key files already exist in " + out + " (use --force to replace them)");
        }
        KeyPair pair = Ed25519Keys.generate();
        Files.createDirectories(out);
        Files.deleteIfExists(privatePem);
        // Created with 0600 from the start, so the secret is never readable by others, not even briefly.
        Files.createFile(privatePem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privatePem, Ed25519Keys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(publicPem, Ed25519Keys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
        spec.commandLine().getOut().println(Ed25519Keys.keyId(pair.getPublic()));
        return UpdateCli.OK;
    }
}

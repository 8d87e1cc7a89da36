package com.arasul.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The update CLI jar ({@code scripts/arasul update ...}) as an integrator runs it. */
final class UpdateCli {

    private UpdateCli() {
    }

    static void keygen(Path dir) throws Exception {
        run("keygen", "--out", dir.toString());
    }

    static void create(String version, Path privateKey, String service, Path imageTar, Path out) throws Exception {
        run("create", "--version", version, "--min-version", "0.0.0", "--key", privateKey.toString(),
                "--image", service + "=" + imageTar, "--notes", "end-to-end " + version, "--out", out.toString());
    }

    private static void run(String... args) throws IOException, InterruptedException {
        Path jar = jar();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("arasul-update-cli-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the update CLI did not finish: " + String.join(" ", args));
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new AssertionError("update " + String.join(" ", args) + " exited " + process.exitValue() + ": " + output);
        }
    }

    private static Path jar() {
        String configured = System.getProperty("arasul.update.cli.jar");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "updates", "target", "arasul-update-cli.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the update CLI " + jar.toAbsolutePath() + " is missing: build it first (mvn -B verify)");
        }
        return jar;
    }
}

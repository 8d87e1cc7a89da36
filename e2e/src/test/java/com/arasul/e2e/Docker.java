package com.arasul.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The docker CLI for the end-to-end tests, every call bounded by a timeout. */
final class Docker {

    private static final long TIMEOUT_SECONDS = 300;

    record Result(int exitCode, String out, String err) {

        Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError("docker failed (" + exitCode + "): " + err.strip());
            }
            return this;
        }
    }

    private Docker() {
    }

    /** Runs docker; {@code stdin} (a Dockerfile) is fed in when not null. */
    static Result run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_BUILDKIT", "0"); // builds FROM a local image without buildx
        try {
            Process process = builder.start();
            var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run docker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Result run(String... args) {
        return run(null, args);
    }

    static String inspect(String object, String format) {
        return run("inspect", "--format", format, object).orFail().out().strip();
    }

    /** Removes every container and image whose name starts with {@code prefix}: only ever our own. */
    static void removeEverythingNamed(String prefix) {
        run("ps", "-a", "--format", "{{.Names}}").out().lines().filter(n -> n.startsWith(prefix)).forEach(n -> run("rm", "-f", n));
        run("images", "--format", "{{.Repository}}:{{.Tag}}").out().lines().filter(n -> n.startsWith(prefix))
                .forEach(n -> run("rmi", "-f", n));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

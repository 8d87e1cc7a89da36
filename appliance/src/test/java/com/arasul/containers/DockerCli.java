package com.arasul.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} CLI for test set-up and checks, independent of the adapter under test.
 * Every call is bounded by a timeout.
 */
public final class DockerCli {

    private static final long TIMEOUT_SECONDS = 180;

    private DockerCli() {
    }

    public record Result(int exitCode, String out, String err) {

        public Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError("docker failed (" + exitCode + "): " + err.strip());
            }
            return this;
        }
    }

    public static Result docker(String... args) {
        return run(null, null, args);
    }

    /** Runs docker with {@code stdin} (a Dockerfile, a tar) fed in, in {@code dir} if not null. */
    public static Result run(Path dir, InputStream stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        // the classic builder: the CLI must not need buildx to build FROM a local image
        builder.environment().put("DOCKER_BUILDKIT", "0");
        try {
            Process process = builder.start();
            var out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.transferTo(in);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run docker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static String inspect(String container, String format) {
        return docker("inspect", "--format", format, container).orFail().out().strip();
    }

    /** Removes every container and image whose name starts with {@code prefix} (only ever our own). */
    public static void removeEverythingNamed(String prefix) {
        String containers = docker("ps", "-a", "--format", "{{.Names}}").out();
        containers.lines().filter(n -> n.startsWith(prefix)).forEach(n -> docker("rm", "-f", n));
        String images = docker("images", "--format", "{{.Repository}}:{{.Tag}}").out();
        images.lines().filter(n -> n.startsWith(prefix)).forEach(n -> docker("rmi", "-f", n));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

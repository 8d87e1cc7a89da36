package com.arasul.containers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Images for real-Docker tests, built without a registry: a base image imported from Debian's
 * static busybox, and small images {@code FROM} it described by a Dockerfile.
 */
public final class TestImages {

    public static final String BASE = "arasul-test/busybox:base";
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private TestImages() {
    }

    /** Imports {@link #BASE} unless it exists: a root fs with busybox and a link for every applet. */
    public static synchronized void ensureBase() {
        DockerEngine.require();
        if (DockerCli.docker("image", "inspect", BASE).exitCode() == 0) {
            return;
        }
        Path rootfs = null;
        try {
            rootfs = Files.createTempDirectory("arasul-busybox-");
            Path bin = Files.createDirectories(rootfs.resolve("bin"));
            Files.createDirectories(rootfs.resolve("tmp"));
            Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            var list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
            String applets = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (String applet : applets.lines().map(String::strip).toList()) {
                // a link named busybox would replace the binary by a link to itself
                if (!applet.isEmpty() && !applet.equals("busybox") && !Files.exists(bin.resolve(applet))) {
                    Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
                }
            }
            Path tar = rootfs.resolveSibling(rootfs.getFileName() + ".tar");
            var tarring = new ProcessBuilder("tar", "-C", rootfs.toString(), "-cf", tar.toString(), ".")
                    .inheritIO().start();
            if (tarring.waitFor() != 0) {
                throw new AssertionError("tar of the busybox root fs failed");
            }
            DockerCli.docker("import", "--change", "CMD [\"sh\"]", tar.toString(), BASE).orFail();
            Files.deleteIfExists(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            delete(rootfs);
        }
    }

    /** Builds {@code tag} from a Dockerfile whose first line is {@code FROM arasul-test/busybox:base}. */
    public static void build(String tag, String... dockerfileLines) {
        ensureBase();
        String dockerfile = "FROM " + BASE + "\n" + String.join("\n", dockerfileLines) + "\n";
        DockerCli.run(null, new ByteArrayInputStream(dockerfile.getBytes(StandardCharsets.UTF_8)),
                "build", "-q", "-t", tag, "-").orFail();
    }

    /** A container that only sleeps; busybox sleep as PID 1 ignores SIGTERM, so stops take the stop timeout. */
    public static void sleeper(String tag, String... extraLines) {
        String[] lines = Stream.concat(Stream.of(extraLines), Stream.of("CMD [\"sleep\", \"3600\"]"))
                .toArray(String[]::new);
        build(tag, lines);
    }

    /** Healthy while {@code /tmp/healthy} exists (created at start); {@code rm} it to make it unhealthy. */
    public static void healthChecked(String tag) {
        build(tag,
                "HEALTHCHECK --interval=1s --timeout=1s --retries=1 CMD test -f /tmp/healthy",
                "CMD [\"sh\", \"-c\", \"touch /tmp/healthy; exec sleep 3600\"]");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}

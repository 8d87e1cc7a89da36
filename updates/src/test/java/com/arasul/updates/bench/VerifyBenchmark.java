package com.arasul.updates.bench;

import com.arasul.updates.format.Ed25519Keys;
import com.arasul.updates.format.PackageInputs;
import com.arasul.updates.format.PackageWriter;
import com.arasul.updates.format.SemanticVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Verification throughput of a package with a random 1 GiB image beside {@code openssl dgst -sha256}
 * on the same file, and the verifying JVM's peak RSS (VmHWM) beside an idle JVM's. Everything is
 * made in a temporary folder and deleted at the end. Args: [MiB, default 1024] [runs, default 3].
 */
public final class VerifyBenchmark {

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("araupdate-bench-");
        try {
            Path pkg = makePackage(work, mib);
            long size = Files.size(pkg);
            System.out.printf("package: %d bytes (%d MiB image)%n", size, mib);
            List<Double> openssl = new ArrayList<>();
            List<Double> verify = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            List<Long> hwm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                openssl.add(size / seconds(() -> run(List.of("openssl", "dgst", "-sha256", pkg.toString()))) / 1e9);
                Path staging = work.resolve("staging");
                long[] child = child(List.of(pkg.toString(), work.resolve("keys").toString(), staging.toString()));
                cold.add(child[2] / (child[1] / 1e9) / 1e9);
                verify.add(child[4] / (child[3] / 1e9) / 1e9);
                hwm.add(child[0]);
                deleteTree(staging);
            }
            long idle = child(List.of("--idle"))[0];
            double bestOpenssl = openssl.stream().mapToDouble(d -> d).max().orElseThrow();
            double bestVerify = verify.stream().mapToDouble(d -> d).max().orElseThrow();
            long peak = hwm.stream().mapToLong(l -> l).max().orElseThrow();
            System.out.printf("openssl dgst -sha256: %s GB/s%n", list(openssl));
            System.out.printf("verify, first in a fresh JVM: %s GB/s%n", list(cold));
            System.out.printf("verify, second in the same JVM: %s GB/s%n", list(verify));
            double bestCold = cold.stream().mapToDouble(d -> d).max().orElseThrow();
            System.out.printf("best: verify %.2f GB/s warm = %.0f %%, %.2f GB/s cold = %.0f %% of openssl %.2f GB/s%n",
                    bestVerify, 100 * bestVerify / bestOpenssl, bestCold, 100 * bestCold / bestOpenssl, bestOpenssl);
            System.out.printf("peak RSS (VmHWM): verifying %d MiB per run %s, idle JVM %d MiB, difference %d MiB%n",
                    peak / 1024, hwm.stream().map(k -> k / 1024).toList(), idle / 1024, (peak - idle) / 1024);
        } finally {
            deleteTree(work);
        }
    }

    private static Path makePackage(Path work, long mib) throws IOException {
        Path image = work.resolve("image.tar");
        SplittableRandom random = new SplittableRandom(42);
        byte[] block = new byte[8 * 1024 * 1024];
        try (OutputStream out = Files.newOutputStream(image)) {
            for (long written = 0; written < mib * 1024 * 1024; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long r = random.nextLong();
                    for (int b = 0; b < 8; b++) block[i + b] = (byte) (r >>> (8 * b));
                }
                out.write(block, 0, (int) Math.min(block.length, mib * 1024 * 1024 - written));
            }
        }
        KeyPair key = Ed25519Keys.generate();
        Files.createDirectories(work.resolve("keys"));
        Files.writeString(work.resolve("keys/bench.pem"), Ed25519Keys.toPem(key.getPublic()));
        Path pkg = work.resolve("bench.araupdate");
        new PackageWriter(key.getPrivate()).write(new PackageInputs(SemanticVersion.parse("9.0.0"), SemanticVersion.parse("1.0.0"),
                "benchmark", false, Map.of("bench", image), Optional.empty(), Optional.empty(), Instant.now()), pkg, false);
        Files.delete(image);
        return pkg;
    }

    /** Runs a child JVM; returns {VmHWM kB, nanos, bytes, nanos, bytes} (the last four only when verifying). */
    private static long[] child(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), VerifyChild.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (line == null) throw new IllegalStateException("child JVM ended without reporting");
            long hwm = vmHwmKb(p.pid());
            p.getOutputStream().write('\n');
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            String[] parts = line.split(" ");
            long[] result = new long[5];
            result[0] = hwm;
            for (int i = 1; i < parts.length && i < 5; i++) result[i] = Long.parseLong(parts[i]);
            return result;
        }
    }

    private static long vmHwmKb(long pid) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElseThrow();
        }
    }

    private static double seconds(Check check) throws Exception {
        long start = System.nanoTime();
        check.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " failed");
        }
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private interface Check {
        void run() throws Exception;
    }
}

package com.arasul.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged appliance run as a separate operating-system process, the way {@code scripts/arasul run}
 * starts it: its own data folder, a free port on 127.0.0.1, output into a log file.
 */
public final class ApplianceProcess implements AutoCloseable {

    /** The line Spring Boot logs once the application context is up. */
    public static final String STARTED_LINE = "Started ArasulApplication";

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile boolean killed;

    private ApplianceProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** How the process came up: healthy, or only started because {@code /api/health} is not there yet. */
    public enum Readiness { HEALTHY, STARTED_WITHOUT_HEALTH_ENDPOINT }

    /**
     * Starts the jar with the given JVM options and environment; the data folder and log file are
     * created under {@code workDir}.
     */
    public static ApplianceProcess start(Path jar, List<String> javaOptions, Map<String, String> environment,
            Path workDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the appliance jar " + jar + " is missing: build it first "
                    + "(mvn -B -pl appliance -am package -DskipTests, or mvn -B verify from the root)");
        }
        try {
            // a restart on the same port (reconnect tests) passes SERVER_PORT itself
            int port = environment.containsKey("SERVER_PORT") ? Integer.parseInt(environment.get("SERVER_PORT")) : freePort();
            Path log = workDir.resolve("appliance.log");
            Path dataDir = workDir.resolve("data");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(javaOptions);
            command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("ARASUL_DATA_DIR", dataDir.toString());
            env.put("SERVER_PORT", String.valueOf(port));
            // a process started beside other work on this machine decides but touches nothing: no
            // healing actions on other people's containers, no update from a real USB stick, no reboot
            env.put("ARASUL_HEALING_MODE", "observe");
            env.put("ARASUL_REBOOT_ENABLED", "false");
            env.put("ARASUL_USB_ROOTS", Files.createDirectories(workDir.resolve("usb")).toString());
            env.putAll(environment);
            return new ApplianceProcess(builder.start(), port, dataDir, log);
        } catch (IOException e) {
            throw new UncheckedIOException("the appliance did not start", e);
        }
    }

    /**
     * Waits until {@code GET /api/health} answers 200. While that endpoint does not exist (404, or
     * 401 because it is not public yet) the logged start line counts instead, and says so.
     */
    public Readiness awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the appliance exited with " + process.exitValue()
                        + " before it was ready:\n" + logTail(40));
            }
            int status = healthStatus();
            if (status == 200) {
                return Readiness.HEALTHY;
            }
            if ((status == 404 || status == 401) && logContains(STARTED_LINE)) {
                return Readiness.STARTED_WITHOUT_HEALTH_ENDPOINT;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("the appliance was not ready within " + timeout + ":\n" + logTail(40));
    }

    /** The status of {@code GET /api/health}, or -1 while nothing answers. */
    public int healthStatus() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/health")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Sends SIGTERM and waits up to {@code timeout}; returns the exit code, or -1 if it is still running. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /**
     * SIGKILL, as when the appliance's container dies: the JVM and its embedded PostgreSQL (which
     * pg_ctl started detached, so it would outlive the JVM on a bare host) go at once, nothing is flushed.
     */
    public void kill() throws InterruptedException {
        killed = true;
        Optional<ProcessHandle> database = embeddedDatabase();
        process.destroyForcibly();
        database.ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        if (database.isPresent()) {
            database.get().onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The embedded PostgreSQL server, found through its {@code postmaster.pid}: pg_ctl starts it
     * detached, so it is no descendant of the JVM.
     */
    public Optional<ProcessHandle> embeddedDatabase() {
        try {
            Path pidFile = dataDir.resolve("postgres/postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Never leaves anything running: a process that ignored SIGTERM is killed, its database too. */
    @Override
    public void close() throws InterruptedException {
        // after a kill the pid file is stale: its number may belong to someone else's process by now
        Optional<ProcessHandle> database = killed ? Optional.empty() : embeddedDatabase();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        database.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
        http.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

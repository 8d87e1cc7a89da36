package com.arasul.updates.internal.apply;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A full {@code pg_dump} of the appliance's database before a package changes its schema: the
 * last resort should a Liquibase rollback fail. The binary is looked for beside the embedded
 * server's extracted binaries ({@code postgres-runtime}), then on the PATH. The password goes to
 * pg_dump through its environment, never on a command line another user could read.
 */
final class DatabaseDump {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");

    private final DataSource dataSource;
    private final Path runtimeFolder;
    private final Duration timeout;

    DatabaseDump(DataSource dataSource, Path runtimeFolder, Duration timeout) {
        this.dataSource = dataSource;
        this.runtimeFolder = runtimeFolder;
        this.timeout = timeout;
    }

    /** The pg_dump to use, if there is one. */
    Optional<Path> pgDump() {
        if (Files.isDirectory(runtimeFolder)) {
            try (Stream<Path> files = Files.walk(runtimeFolder, 4)) {
                Optional<Path> bundled = files.filter(f -> f.getFileName().toString().equals("pg_dump") && Files.isExecutable(f))
                        .findFirst();
                if (bundled.isPresent()) {
                    return bundled;
                }
            } catch (IOException | UncheckedIOException e) {
                // fall through to the PATH
            }
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(p -> !p.isBlank())
                .map(p -> Path.of(p, "pg_dump")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Writes the dump (pg_dump's custom format) to {@code target}.
     *
     * @throws IllegalStateException with a sentence for the owner when it cannot be made
     */
    void dump(Path pgDump, Path target) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("the database connection details are unknown, so no dump can be made");
        }
        Matcher url = JDBC_URL.matcher(hikari.getJdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("the database address cannot be handed to pg_dump");
        }
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
                "--host=" + url.group(1), "--port=" + (url.group(2) == null ? "5432" : url.group(2)),
                "--username=" + hikari.getUsername(), "--dbname=" + url.group(3), "--file=" + target));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (hikari.getPassword() != null) {
            builder.environment().put("PGPASSWORD", hikari.getPassword());
        }
        try {
            Files.createDirectories(target.getParent());
            Path log = target.resolveSibling(target.getFileName() + ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the database backup did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String why = Files.readString(log).strip();
                throw new IllegalStateException("pg_dump failed: " + (why.length() > 300 ? why.substring(0, 300) : why));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the database backup could not be written: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing up the database", e);
        }
    }
}

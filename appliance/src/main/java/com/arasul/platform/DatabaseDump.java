package com.arasul.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The one way the appliance dumps its database ({@code pg_dump}, custom format): before an update
 * changes the schema and for the daily backup. The binaries are looked for beside the embedded
 * server's extracted binaries ({@code postgres-runtime}), then on the PATH (zonky ships only the
 * server; Debian's client 15 reads and writes for the embedded 14). The connection details come from
 * the pool itself, so whatever password the pool has, pg_dump has; it goes through the child's
 * environment, never on a command line another user could read, never into a log.
 */
public final class DatabaseDump {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");

    private final DataSource dataSource;
    private final Path runtimeFolder;
    private final Duration timeout;

    public DatabaseDump(DataSource dataSource, Path runtimeFolder, Duration timeout) {
        this.dataSource = dataSource;
        this.runtimeFolder = runtimeFolder;
        this.timeout = timeout;
    }

    /** The pg_dump to use, if there is one. */
    public Optional<Path> pgDump() {
        return tool("pg_dump");
    }

    /** The pg_restore to use, if there is one. */
    public Optional<Path> pgRestore() {
        return tool("pg_restore");
    }

    private Optional<Path> tool(String name) {
        if (Files.isDirectory(runtimeFolder)) {
            try (Stream<Path> files = Files.walk(runtimeFolder, 4)) {
                Optional<Path> bundled = files.filter(f -> f.getFileName().toString().equals(name) && Files.isExecutable(f))
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
                .map(p -> Path.of(p, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Writes the dump (pg_dump's custom format) to {@code target}.
     *
     * @throws IllegalStateException with a sentence for the owner when it cannot be made
     */
    public void dump(Path pgDump, Path target) {
        Connection connection = connection();
        run("pg_dump", target.resolveSibling(target.getFileName() + ".log"), connection, pgDump.toString(),
                "--format=custom", "--no-password", "--host=" + connection.host, "--port=" + connection.port,
                "--username=" + connection.user, "--dbname=" + connection.database, "--file=" + target);
    }

    /**
     * Reads a dump's table of contents with {@code pg_restore --list}: proof that the archive is whole.
     *
     * @throws IllegalStateException when it cannot be read
     */
    public void list(Path dump, Path log) {
        run("pg_restore", log, null, pgRestore().orElseThrow(() -> new IllegalStateException("pg_restore was not found")).toString(),
                "--list", dump.toString());
    }

    /**
     * Replaces the database's contents with a dump ({@code --clean --if-exists}, one transaction).
     *
     * @throws IllegalStateException with a sentence for the owner when it fails
     */
    public void restore(Path dump, Path log) {
        Connection connection = connection();
        run("pg_restore", log, connection, pgRestore().orElseThrow(() -> new IllegalStateException("pg_restore was not found")).toString(),
                "--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-password",
                "--host=" + connection.host, "--port=" + connection.port, "--username=" + connection.user,
                "--dbname=" + connection.database, dump.toString());
    }

    private record Connection(String host, String port, String database, String user, String password) {
    }

    private Connection connection() {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("the database connection details are unknown, so no dump can be made");
        }
        Matcher url = JDBC_URL.matcher(hikari.getJdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("the database address cannot be handed to pg_dump");
        }
        return new Connection(url.group(1), url.group(2) == null ? "5432" : url.group(2), url.group(3),
                hikari.getUsername(), hikari.getPassword());
    }

    private void run(String tool, Path log, Connection connection, String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        if (connection != null && connection.password() != null) {
            builder.environment().put("PGPASSWORD", connection.password());
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String why = Files.readString(log).strip();
                throw new IllegalStateException(tool + " failed: " + (why.length() > 300 ? why.substring(0, 300) : why));
            }
        } catch (IOException e) {
            throw new IllegalStateException(tool + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool, e);
        }
    }
}

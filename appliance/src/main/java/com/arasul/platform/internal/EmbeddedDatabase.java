package com.arasul.platform.internal;

import com.arasul.platform.DataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle of the in-process PostgreSQL; a no-op when the database is external. Its superuser has
 * a generated password (kept owner-only in {@code config/db-password}) and {@code pg_hba.conf} asks
 * it of every connection with {@code scram-sha-256}; it listens on 127.0.0.1 only, without a Unix
 * socket, and its folders are owner-only. A data folder of an older appliance, made with
 * {@code trust}, is moved over at its first start: the password is set, then pg_hba replaced.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "db-password";
    static final String HBA = """
            # Written by the Arasul appliance at each start: every connection proves the password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null, null);
    }

    static EmbeddedDatabase start(DataDirectory dataDirectory, int port) {
        try {
            Path passwordFile = dataDirectory.config().resolve(PASSWORD_FILE);
            String password = loadOrCreatePassword(passwordFile);
            Path runtime = dataDirectory.folder("postgres-runtime");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.postgres())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's own JVM hook would stop the server on SIGTERM in parallel with Spring's
                    // shutdown, before pending rows are flushed and the pool is closed; the context
                    // closes this bean after the pool instead
                    .setRegisterShutdownHook(false)
                    // a new cluster is made with the password and scram from the start (these come
                    // after zonky's own "-A trust" on the initdb command line, so they win)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "32MB")
                    .setServerConfig("autovacuum", "on")
                    .setServerConfig("wal_level", "replica")
                    // zonky turns this off for fast tests; a commit must survive the appliance being
                    // killed, or an update's step is lost and a restart resumes it from the wrong place
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
            database.requirePassword(dataDirectory.postgres());
            ownerOnly(runtime);
            ownerOnly(dataDirectory.postgres());
            log.info("Embedded PostgreSQL running on 127.0.0.1:{}, data in {}", postgres.getPort(),
                    dataDirectory.postgres());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    /**
     * Makes sure the superuser has the password and pg_hba asks for it; on a cluster from before
     * (trust) the first connection gets in without one, sets it and then closes the door behind it.
     */
    private void requirePassword(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        if (Files.exists(hba) && HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // the SCRAM verifier is computed by the driver: the password itself never reaches the server's log
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), "scram-sha-256");
            DataDirectory.writeSecret(hba, HBA.getBytes(StandardCharsets.UTF_8));
            statement.execute("SELECT pg_reload_conf()");
            log.info("The embedded PostgreSQL asks every connection for its password now (scram-sha-256)");
        } catch (SQLException e) {
            throw new IOException("cannot require a password of the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String loadOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return stored;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        DataDirectory.writeSecret(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        return password;
    }

    private static void ownerOnly(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    int port() {
        return postgres.getPort();
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}

package com.arasul.backups.internal;

import com.arasul.backups.BackupArchive;
import com.arasul.backups.BackupProperties;
import com.arasul.platform.DataDirectory;
import com.arasul.platform.DatabaseDump;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code scripts/arasul backup} and {@code scripts/arasul restore FILE [--yes]} on the box with the
 * appliance stopped: no Spring, the embedded PostgreSQL of the data folder (with its password from
 * {@code config/db-password}) or the external one of {@code ARASUL_DB_URL}, the same dump code and
 * archive format as the appliance's backups. Exit codes as seed 003 asks: 0 ok, 1 database error (or
 * any other refusal, said in a sentence), 2 disk full.
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int DATABASE = 1;
    static final int DISK_FULL = 2;

    private BackupCommand() {
    }

    public static void main(String[] args) {
        // without Spring, logback's default prints every library's INFO line to standard output, where
        // the command prints only the archive's path; its own sentences go to standard error
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || !(args[0].equals("backup") || args[0].equals("restore") && args.length >= 2)) {
            say("usage: scripts/arasul backup | scripts/arasul restore FILE [--yes]");
            return DATABASE;
        }
        DataDirectory data = new DataDirectory(Path.of(env("ARASUL_DATA_DIR", "./data")).toAbsolutePath());
        try {
            if (args[0].equals("backup")) {
                return backup(data);
            }
            return restore(data, Path.of(args[1]).toAbsolutePath(), List.of(args).contains("--yes"));
        } catch (RuntimeException | IOException e) {
            String why = String.valueOf(e.getMessage());
            say("failed: " + why);
            return BackupRunner.diskFull(e, data.folder("backups")) ? DISK_FULL : DATABASE;
        }
    }

    /**
     * The same run as the appliance's (its advisory lock, dump, archive, verification and rotation),
     * recorded in {@code backup_runs} with the trigger {@code cli}: one history of backups, whose last
     * success the status and the dashboard count whichever way it was made.
     */
    private static int backup(DataDirectory data) throws IOException {
        Path folder = data.folder("backups");
        try (Database db = Database.open(data)) {
            Clock clock = Clock.systemDefaultZone();
            var records = new BackupRecords(new JdbcTemplate(db.pool));
            var runner = new BackupRunner(db.pool, db.dump, BackupStore.local(folder), records,
                    rulesDir(data), data.config().resolve("update-keys"), db::installedVersion, properties(), clock);
            UUID id;
            try {
                // with the appliance stopped, a run still "running" was cut off; the dump then holds only this one so
                records.interrupted(clock.instant());
                id = runner.start("cli");
            } catch (DataAccessException e) {
                say("failed: the database cannot record the backup (" + e.getMostSpecificCause().getMessage()
                        + "); start the appliance once on this data folder so that its tables exist");
                return DATABASE;
            }
            var outcome = runner.run(id);
            if (!outcome.succeeded()) {
                say("failed: " + outcome.reason());
                return outcome.diskFull() ? DISK_FULL : DATABASE;
            }
            Path target = folder.resolve(outcome.name());
            System.out.println(target);
            say("backup written and verified: " + target + " (" + Files.size(target) + " bytes)");
            return OK;
        }
    }

    /** The appliance's own backup settings, bound as it binds them: its defaults, the same environment variables. */
    private static BackupProperties properties() {
        return Binder.get(new StandardEnvironment()).bindOrCreate("arasul.backups", BackupProperties.class);
    }

    private static int restore(DataDirectory data, Path archive, boolean yes) throws IOException {
        if (!Files.isRegularFile(archive)) {
            say("there is no archive " + archive);
            return DATABASE;
        }
        Path unpacked = data.folder("backups").resolve(".cli-restore");
        FileSystemUtils.deleteRecursively(unpacked);
        Files.createDirectories(unpacked);
        try {
            try {
                BackupArchive.verify(archive, unpacked);
            } catch (IllegalStateException e) {
                say("refused: " + e.getMessage() + "; nothing was changed");
                return DATABASE;
            }
            if (!yes && !confirm("This replaces the database, the rules and the update keys in " + data.root()
                    + " with the backup " + archive.getFileName() + ". Continue? [y/N] ")) {
                say("nothing was changed");
                return DATABASE;
            }
            try (Database db = Database.open(data)) {
                db.dump.restore(unpacked.resolve(BackupArchive.DATABASE), unpacked.resolve("restore.log"));
                markOwnRun(db, archive);
            }
            replace(unpacked.resolve("rules"), rulesDir(data));
            replace(unpacked.resolve("update-keys"), data.config().resolve("update-keys"));
            say("restored " + archive.getFileName() + " (installed version "
                    + Files.readString(unpacked.resolve(BackupArchive.VERSION)).strip() + ")");
            return OK;
        } finally {
            FileSystemUtils.deleteRecursively(unpacked);
        }
    }

    /** The archive's own run, caught "running" by its dump, is recorded as the success it was (older archives: nothing). */
    private static void markOwnRun(Database db, Path archive) throws IOException {
        String name = archive.getFileName().toString();
        Instant made = BackupStore.NAME.matcher(name).matches() ? BackupStore.createdAt(name)
                : Files.getLastModifiedTime(archive).toInstant();
        try {
            new BackupRecords(new JdbcTemplate(db.pool)).restoredFrom(name, Files.size(archive), archive.getParent().toString(), made);
        } catch (DataAccessException e) {
            say("the restored backup history could not be completed (" + e.getMostSpecificCause().getMessage() + ")");
        }
    }

    private static void replace(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        FileSystemUtils.deleteRecursively(to);
        Files.createDirectories(to);
        FileSystemUtils.copyRecursively(from, to);
    }

    private static Path rulesDir(DataDirectory data) {
        return Path.of(env("ARASUL_RULES_DIR", data.root().resolve("rules").toString()));
    }

    private static boolean confirm(String question) throws IOException {
        System.err.print(question);
        System.err.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && List.of("y", "yes", "j", "ja").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.err.println("arasul: " + line);
    }

    /** The appliance's database: the external one, or the data folder's embedded one started for the command. */
    private record Database(EmbeddedPostgres embedded, HikariDataSource pool, DatabaseDump dump) implements AutoCloseable {

        static Database open(DataDirectory data) throws IOException {
            HikariConfig config = new HikariConfig();
            config.setPoolName("arasul-cli");
            config.setMaximumPoolSize(2);
            config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
            EmbeddedPostgres embedded = null;
            String url = System.getenv("ARASUL_DB_URL");
            if (url != null && !url.isBlank()) {
                config.setJdbcUrl(url);
                config.setUsername(env("ARASUL_DB_USER", "arasul"));
                config.setPassword(System.getenv("ARASUL_DB_PASSWORD"));
            } else {
                Path passwordFile = data.config().resolve("db-password");
                if (!Files.isRegularFile(passwordFile) || !Files.isDirectory(data.postgres())) {
                    throw new IllegalStateException("there is no database in " + data.root()
                            + ": start the appliance once on this data folder (or set ARASUL_DATA_DIR)");
                }
                String password = Files.readString(passwordFile).strip();
                try {
                    embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(data.postgres())
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(data.folder("postgres-runtime").toFile())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setConnectConfig("password", password)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "''")
                        .setServerConfig("timezone", "UTC")
                        .start();
                } catch (IOException | RuntimeException e) {
                    throw new IllegalStateException("the database of " + data.root() + " did not start (" + e.getMessage()
                            + "); if the appliance is running, stop it first or use the dashboard's Back up now", e);
                }
                config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres");
                config.setUsername("postgres");
                config.setPassword(password);
            }
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                if (embedded != null) {
                    embedded.close();
                }
                throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
            }
            return new Database(embedded, pool,
                    new DatabaseDump(pool, data.root().resolve("postgres-runtime"), Duration.ofMinutes(30)));
        }

        String installedVersion() {
            try (Connection c = pool.getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("select version from installed_version where id = 1")) {
                return rs.next() ? rs.getString(1) : builtVersion();
            } catch (SQLException e) {
                return builtVersion();
            }
        }

        /** As the appliance does when no update has recorded a version: the jar's own (its build-info). */
        private static String builtVersion() {
            try (var in = BackupCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
                var build = new java.util.Properties();
                if (in != null) {
                    build.load(in);
                }
                return build.getProperty("build.version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }

        @Override
        public void close() throws IOException {
            pool.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

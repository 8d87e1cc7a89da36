package com.arasul.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.ApplianceTest;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ApplianceTest
class EmbeddedDatabaseTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    SpringLiquibase liquibase;

    @Autowired
    HikariDataSource dataSource;

    static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");

    @Test
    void runsPostgresWithTheFullSchemaInTheDataFolder() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        List<String> tables = jdbc.queryForList(
                "select lower(table_name) from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("metrics", "workflow_activity", "self_healing_events", "service_failures",
                "recovery_actions", "reboot_events", "update_packages", "update_events", "admin_users", "sessions",
                "token_revocations", "password_history", "login_attempts", "int_message", "int_message_group",
                "int_group_to_message", "int_channel_message", "int_metadata_store", "int_lock");
        assertThat(dataDirectory.postgres().resolve("PG_VERSION")).exists();
    }

    @Test
    void usesTimestampWithTimeZoneInOwnTables() {
        List<String> naive = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'public' and data_type = 'timestamp without time zone'
                  and table_name not like 'int\\_%' and table_name not like 'databasechangelog%'""", String.class);
        assertThat(naive).isEmpty();
    }

    @Test
    void refusesAConnectionWithoutThePasswordOrWithAWrongOne() {
        String url = dataSource.getJdbcUrl();
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void opensWithTheGeneratedPasswordKeptOwnerOnlyInTheConfigFolder() throws Exception {
        Path file = dataDirectory.config().resolve("db-password");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), "postgres",
                Files.readString(file).strip())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(jdbc.queryForList("select type || ' ' || auth_method from pg_hba_file_rules", String.class))
                .isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
    }

    @Test
    void listensOnTheLoopbackAddressOnlyWithoutAUnixSocket() {
        assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
        assertThat(jdbc.queryForObject("show unix_socket_directories", String.class)).isEmpty();
    }

    @Test
    void keepsItsFoldersOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(dataDirectory.postgres())).isEqualTo(OWNER_ONLY);
        assertThat(Files.getPosixFilePermissions(dataDirectory.root().resolve("postgres-runtime"))).isEqualTo(OWNER_ONLY);
    }

    @Test
    void migratesWithoutCallingHome() {
        // Liquibase's open-source edition sends usage analytics by default; nothing leaves the box unasked
        assertThat(liquibase.getAnalyticsEnabled()).isFalse();
    }
}

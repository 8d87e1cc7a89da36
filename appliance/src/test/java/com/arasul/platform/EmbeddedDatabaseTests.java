package com.arasul.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
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
    void migratesWithoutCallingHome() {
        // Liquibase's open-source edition sends usage analytics by default; nothing leaves the box unasked
        assertThat(liquibase.getAnalyticsEnabled()).isFalse();
    }
}

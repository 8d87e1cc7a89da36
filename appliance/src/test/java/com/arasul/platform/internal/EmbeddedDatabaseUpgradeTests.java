package com.arasul.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.platform.DataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder of the appliance before passwords (initdb with trust) still starts, and is closed at once. */
class EmbeddedDatabaseUpgradeTests {

    @TempDir
    Path root;

    @Test
    void setsThePasswordOnAClusterThatTrustedEveryoneAndKeepsItsData() throws Exception {
        DataDirectory data = new DataDirectory(root);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.postgres())
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(data.folder("postgres-runtime").toFile())
                .setRegisterShutdownHook(false).start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from before')");
        }

        try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(data, 0)) {
            String url = upgraded.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            String password = Files.readString(data.config().resolve(EmbeddedDatabase.PASSWORD_FILE)).strip();
            assertThat(password).isEqualTo(upgraded.password());
            try (Connection connection = DriverManager.getConnection(url, "postgres", password);
                    Statement statement = connection.createStatement();
                    var kept = statement.executeQuery("SELECT note FROM kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("from before");
            }
        }

        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, 0);
                Connection connection = DriverManager.getConnection(again.jdbcUrl(), "postgres", again.password())) {
            assertThat(connection.isValid(5)).as("the next start finds it as it left it").isTrue();
        }
    }
}

package com.arasul.platform.internal;

import com.arasul.platform.DataDirectory;
import com.arasul.platform.PlatformProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code ARASUL_DB_URL} is set (the compose
 * deployment), otherwise a PostgreSQL server run in-process whose data stays in
 * {@code $ARASUL_DATA_DIR/postgres} across restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DataDirectory dataDirectory(PlatformProperties properties) {
        return new DataDirectory(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(PlatformProperties properties, DataDirectory dataDirectory) {
        if (properties.db().external()) {
            return EmbeddedDatabase.none();
        }
        return EmbeddedDatabase.start(dataDirectory, properties.db().embeddedPort());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(PlatformProperties properties, EmbeddedDatabase embedded) {
        PlatformProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("arasul-db");
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            log.info("Using the external database at {}", db.url());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
            config.setPassword("postgres");
        }
        config.setMaximumPoolSize(db.maxPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(db.connectTimeoutSeconds()).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        // the appliance must start and keep running while the database is away; work that needs it
        // fails fast and is retried or buffered by its owner
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("connectTimeout", String.valueOf(db.connectTimeoutSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }

    /** Lifecycle of the in-process server; a no-op when the database is external. */
    static final class EmbeddedDatabase implements AutoCloseable {

        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        static EmbeddedDatabase start(DataDirectory dataDirectory, int port) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory.postgres())
                        .setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(dataDirectory.folder("postgres-runtime").toFile())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // zonky's own JVM hook would stop the server on SIGTERM in parallel with Spring's
                        // shutdown, before pending rows are flushed and the pool is closed; the context
                        // closes this bean after the pool instead
                        .setRegisterShutdownHook(false)
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
                log.info("Embedded PostgreSQL running on port {}, data in {}", postgres.getPort(),
                        dataDirectory.postgres());
                return new EmbeddedDatabase(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}

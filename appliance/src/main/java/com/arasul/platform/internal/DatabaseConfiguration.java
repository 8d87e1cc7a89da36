package com.arasul.platform.internal;

import com.arasul.platform.DataDirectory;
import com.arasul.platform.PlatformProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code ARASUL_DB_URL} is set (the compose
 * deployment), otherwise a PostgreSQL server run in-process whose data stays in
 * {@code $ARASUL_DATA_DIR/postgres} across restarts. The embedded one listens on 127.0.0.1 only,
 * has no Unix socket, and asks every connection for the password generated into
 * {@code config/db-password} ({@code scram-sha-256}), so another local account cannot open it.
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
            config.setUsername(EmbeddedDatabase.SUPERUSER);
            config.setPassword(embedded.password());
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

}

package com.arasul.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the appliance keeps its state and which database it uses.
 *
 * @param dataDir the data folder ({@code ARASUL_DATA_DIR}); the embedded database, keys, rules and
 *     logs live below it
 * @param db an external PostgreSQL server; when its url is empty the appliance runs one in-process
 */
@Validated
@ConfigurationProperties("arasul")
public record PlatformProperties(@NotNull Path dataDir, @Valid @NotNull Db db) {

    /**
     * @param url JDBC url of an external server ({@code ARASUL_DB_URL}); empty means embedded
     * @param embeddedPort port of the embedded server; 0 picks a free one at each start
     * @param maxPoolSize connections in the pool
     * @param connectTimeoutSeconds how long a borrower waits for a connection before it fails
     */
    public record Db(
            String url,
            String user,
            String password,
            @Min(0) @Max(65535) int embeddedPort,
            @Min(1) @Max(50) int maxPoolSize,
            @Min(1) @Max(60) int connectTimeoutSeconds) {

        public boolean external() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            // never print the password, not even into a debug log
            return "Db[url=" + url + ", user=" + user + ", embeddedPort=" + embeddedPort + "]";
        }
    }
}

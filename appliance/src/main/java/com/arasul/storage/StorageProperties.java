package com.arasul.storage;

import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the object storage is and how patiently it is spoken to. Each of endpoint and keys may be
 * given as a file instead ({@code ..._FILE}, compose secrets); the file wins over the plain value.
 *
 * @param endpoint e.g. {@code http://minio:9000} ({@code ARASUL_S3_ENDPOINT}); empty means not configured
 * @param region the region buckets are made in (MinIO's default unless its site region was changed)
 * @param callTimeout the longest one call to the storage may take (connect, read and write each)
 * @param probeInterval how often the storage's health is looked at while it is up
 * @param maxBackoff the longest wait between looks while it is down (the wait doubles up to it)
 * @param reconcileInterval how often the buckets' settings are compared again while it stays up
 */
@Validated
@ConfigurationProperties("arasul.storage")
public record StorageProperties(
        String endpoint,
        String endpointFile,
        String accessKey,
        String accessKeyFile,
        String secretKey,
        String secretKeyFile,
        @NotNull @DefaultValue("us-east-1") String region,
        @NotNull @DefaultValue("5s") Duration callTimeout,
        @NotNull @DefaultValue("15s") Duration probeInterval,
        @NotNull @DefaultValue("2m") Duration maxBackoff,
        @NotNull @DefaultValue("10m") Duration reconcileInterval) {

    public boolean configured() {
        return !resolvedEndpoint().isBlank();
    }

    public String resolvedEndpoint() {
        return resolve(endpoint, endpointFile);
    }

    public String resolvedAccessKey() {
        return resolve(accessKey, accessKeyFile);
    }

    public String resolvedSecretKey() {
        return resolve(secretKey, secretKeyFile);
    }

    private static String resolve(String value, String file) {
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() {
        // never print a key, not even into a debug log
        return "StorageProperties[endpoint=" + endpoint + ", callTimeout=" + callTimeout + "]";
    }
}

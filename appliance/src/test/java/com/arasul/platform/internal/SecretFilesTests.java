package com.arasul.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretFilesTests {

    @TempDir
    Path folder;

    @Test
    void readsEachDocumentedSecretFromTheFileItsFileVariableNames() throws IOException {
        Path password = Files.writeString(folder.resolve("db"), "s3cret-value\n");
        Path key = Files.writeString(folder.resolve("s3"), "minio-key");
        StandardEnvironment environment = environment(Map.of("ARASUL_DB_PASSWORD_FILE", password.toString(),
                "ARASUL_S3_SECRET_KEY_FILE", key.toString()));

        new SecretFiles().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("ARASUL_DB_PASSWORD")).isEqualTo("s3cret-value");
        assertThat(environment.getProperty("ARASUL_S3_SECRET_KEY")).isEqualTo("minio-key");
        assertThat(environment.resolvePlaceholders("${ARASUL_DB_PASSWORD:}")).isEqualTo("s3cret-value");
    }

    @Test
    void leavesVariablesThatAreNotSecretsAlone() throws IOException {
        Path file = Files.writeString(folder.resolve("x"), "value");
        StandardEnvironment environment = environment(Map.of("ARASUL_DATA_DIR_FILE", file.toString()));

        new SecretFiles().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("ARASUL_DATA_DIR")).isNull();
        assertThat(environment.getPropertySources().contains(SecretFiles.SOURCE)).isFalse();
    }

    @Test
    void refusesAValueAndAFileForTheSameSecret() throws IOException {
        Path file = Files.writeString(folder.resolve("db"), "from-file");
        StandardEnvironment environment = environment(Map.of("ARASUL_DB_PASSWORD", "inline",
                "ARASUL_DB_PASSWORD_FILE", file.toString()));

        assertThatThrownBy(() -> new SecretFiles().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessage("set either ARASUL_DB_PASSWORD or ARASUL_DB_PASSWORD_FILE, not both");
    }

    @Test
    void namesTheVariableAndFileButNeverTheContentWhenTheFileIsMissing() {
        Path missing = folder.resolve("absent");
        StandardEnvironment environment = environment(Map.of("ARASUL_N8N_API_KEY_FILE", missing.toString()));

        assertThatThrownBy(() -> new SecretFiles().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageStartingWith("ARASUL_N8N_API_KEY_FILE=" + missing + " cannot be read");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}

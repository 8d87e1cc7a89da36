package com.arasul.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Secrets as files (compose {@code secrets:}, seed 003): for each documented secret variable {@code X},
 * {@code X_FILE} names a file whose content becomes {@code X}, so no secret has to sit in the
 * environment of the container. Setting both is refused, as is a file that cannot be read; the
 * message names the variable and the file, never the content.
 */
public class SecretFiles implements EnvironmentPostProcessor {

    /** The variables that may come from a file; README.md documents each. */
    static final List<String> VARIABLES = List.of("ARASUL_DB_PASSWORD", "ARASUL_ADMIN_PASSWORD",
            "ARASUL_S3_ACCESS_KEY", "ARASUL_S3_SECRET_KEY", "ARASUL_N8N_API_KEY");

    static final String SOURCE = "arasulSecretFiles";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String variable : VARIABLES) {
            String file = environment.getProperty(variable + "_FILE");
            if (file == null || file.isBlank()) {
                continue;
            }
            if (environment.getProperty(variable) != null) {
                throw new IllegalStateException("set either " + variable + " or " + variable + "_FILE, not both");
            }
            values.put(variable, read(variable, Path.of(file)));
        }
        if (!values.isEmpty()) {
            String after = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            if (environment.getPropertySources().contains(after)) {
                environment.getPropertySources().addAfter(after, new MapPropertySource(SOURCE, values));
            } else {
                environment.getPropertySources().addLast(new MapPropertySource(SOURCE, values));
            }
        }
    }

    private static String read(String variable, Path file) {
        try {
            // files written by `echo` or an editor end in a line break that is not part of the secret
            return Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new IllegalStateException(variable + "_FILE=" + file + " cannot be read: "
                    + e.getClass().getSimpleName(), e);
        }
    }
}

package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Jetson deployment declares every managed container the way the healing engine finds it. */
class ComposeFileTests {

    private static final String APPLIANCE = "arasul";

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        Path file = Path.of(System.getProperty("arasul.compose.file", "../compose/docker-compose.yml"));
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void declaresTheSeedsServicesAndTheAppliance() {
        assertThat(services).containsKeys("postgres-db", "minio", "llm-service", "embedding-service", "n8n",
                "reverse-proxy", APPLIANCE);
    }

    @Test
    void labelsEveryManagedServiceWithItsNameAndGivesItAHealthCheck() {
        services.forEach((name, service) -> {
            if (name.equals(APPLIANCE)) {
                return;
            }
            assertThat(labels(service)).as(name).containsEntry("arasul.service", name);
            assertThat(healthTest(service)).as(name + " health check").isNotEmpty();
            assertThat(labels(service).get("arasul.start-order")).as(name + " start order").matches("\\d+");
        });
    }

    @Test
    void restartsEveryContainerAlways() {
        services.forEach((name, service) -> assertThat(service.get("restart")).as(name).isEqualTo("always"));
    }

    @Test
    void leavesTheApplianceUnmanagedAndPointsItAtTheComposeDatabaseAndDocker() {
        Map<String, Object> appliance = services.get(APPLIANCE);
        assertThat(labels(appliance)).doesNotContainKey("arasul.service");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) appliance.get("environment");
        assertThat(String.valueOf(environment.get("ARASUL_DB_URL"))).startsWith("jdbc:postgresql://postgres-db:5432/");
        assertThat(environment).containsKeys("ARASUL_DB_USER", "ARASUL_DB_PASSWORD", "ARASUL_DOCKER_HOST");
        assertThat(String.valueOf(appliance.get("volumes"))).contains("/var/run/docker.sock:/var/run/docker.sock");
        assertThat(healthTest(appliance)).anyMatch(part -> part.endsWith("/api/health"));
    }

    @Test
    void namesOnlyDeclaredServicesAsDependencies() {
        services.forEach((name, service) -> {
            String dependsOn = labels(service).get("arasul.depends-on");
            if (dependsOn != null) {
                assertThat(services.keySet()).as(name + " depends on").containsAll(List.of(dependsOn.split(",")));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> service) {
        Object labels = service.get("labels");
        if (labels instanceof List<?> list) {
            // the "key=value" list form compose also accepts
            return list.stream().map(String::valueOf).map(entry -> entry.split("=", 2))
                    .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        }
        return labels == null ? Map.of() : (Map<String, String>) labels;
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthTest(Map<String, Object> service) {
        Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
        if (healthcheck == null || healthcheck.get("test") == null) {
            return List.of();
        }
        Object test = healthcheck.get("test");
        return test instanceof List<?> parts ? parts.stream().map(String::valueOf).toList() : List.of(test.toString());
    }
}

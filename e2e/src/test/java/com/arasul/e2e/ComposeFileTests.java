package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Jetson deployment, rule by rule: every managed container declared the way the healing engine
 * finds it, the seeds' start order, budgets and limits, and the hardening of seed 003, service by service.
 */
class ComposeFileTests {

    private static final String APPLIANCE = "arasul";
    /** The seeds' start order. */
    private static final List<String> START_ORDER = List.of("postgres-db", "minio", "llm-service",
            "embedding-service", "reverse-proxy", APPLIANCE, "n8n");
    private static final Set<String> AI_SERVICES = Set.of("llm-service", "embedding-service");

    private static Path file;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        file = Path.of(System.getProperty("arasul.compose.file", "../compose/docker-compose.yml"));
        try (Reader reader = Files.newBufferedReader(file)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void declaresTheSeedsServicesAndTheAppliance() {
        assertThat(services).containsOnlyKeys(START_ORDER);
    }

    @Test
    void isAcceptedByARealComposeParser() throws Exception {
        Process process = new ProcessBuilder("docker-compose", "-f", file.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void pinsEveryImageToATagNeverLatest() throws IOException {
        Pattern defaulted = Pattern.compile("\\$\\{\\w+:-(.+)}");
        services.forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            Matcher withDefault = defaulted.matcher(image);
            String pinned = withDefault.matches() ? withDefault.group(1) : image;
            assertThat(pinned).as(name).matches(".+:[^:/]+").doesNotEndWith(":latest");
        });
        List<String> examples = Files.readAllLines(file.resolveSibling(".env.example")).stream()
                .filter(line -> line.matches("\\w+_IMAGE=.*")).toList();
        assertThat(examples).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches(".+:[^:/]+").doesNotEndWith(":latest"));
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
    void startsEachServiceAfterItsPredecessorInTheSeedsOrder() {
        for (int i = 1; i < START_ORDER.size(); i++) {
            String name = START_ORDER.get(i);
            String predecessor = START_ORDER.get(i - 1);
            Map<String, String> dependsOn = dependsOn(services.get(name));
            // the appliance waits for the proxy, which itself waits for the embeddings to start
            assertThat(dependsOn).as(name + " depends on").containsKey(predecessor);
            if (!AI_SERVICES.contains(predecessor)) {
                assertThat(dependsOn.get(predecessor)).as(name + " waits for " + predecessor).isEqualTo("service_healthy");
            }
        }
        List<Integer> labelled = START_ORDER.stream().filter(name -> !name.equals(APPLIANCE))
                .map(name -> Integer.parseInt(labels(services.get(name)).get("arasul.start-order"))).toList();
        assertThat(labelled).as("arasul.start-order labels").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void startsTheApplianceEvenWhenAnAiServiceIsSlow() {
        services.forEach((name, service) -> dependsOn(service).forEach((dependency, condition) -> {
            if (AI_SERVICES.contains(dependency)) {
                assertThat(condition).as(name + " on " + dependency).isEqualTo("service_started");
            }
        }));
        assertThat(dependsOn(services.get(APPLIANCE))).containsKeys("llm-service", "embedding-service");
    }

    @Test
    void checksHealthWithinTheSeedsBudgets() {
        Map<String, String> budgets = Map.of("postgres-db", "2s", "minio", "1s", APPLIANCE, "1s", "n8n", "2s",
                "llm-service", "2s", "embedding-service", "2s", "reverse-proxy", "2s");
        budgets.forEach((name, timeout) -> assertThat(healthcheck(services.get(name)).get("timeout"))
                .as(name + " health timeout").isEqualTo(timeout));
        assertThat(healthTest(services.get("postgres-db"))).anyMatch(part -> part.contains("pg_isready"));
        assertThat(healthTest(services.get("n8n"))).anyMatch(part -> part.endsWith("/healthz"));
        assertThat(healthTest(services.get(APPLIANCE))).anyMatch(part -> part.endsWith("/api/health"));
    }

    @Test
    void keepsTheSeedsResourceLimits() {
        assertThat(services.get("llm-service")).containsEntry("mem_reservation", "32g").containsEntry("mem_limit", "40g");
        assertThat(String.valueOf(services.get("llm-service").get("cpus"))).isEqualTo("${LLM_CPUS:-6}");
        assertThat(services.get("embedding-service")).containsEntry("mem_limit", "8g");
        assertThat(String.valueOf(services.get("embedding-service").get("cpus"))).isEqualTo("${EMBEDDING_CPUS:-3.6}");
        assertThat(services.get("postgres-db")).containsEntry("mem_limit", "8g");
        assertThat(services.get("n8n")).containsEntry("mem_limit", "2g");
        assertThat(services.get(APPLIANCE)).containsEntry("mem_limit", "512m");
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
    }

    @Test
    void restartsEveryContainerAlwaysAndRotatesItsLogs() {
        services.forEach((name, service) -> {
            assertThat(service.get("restart")).as(name).isEqualTo("always");
            Map<String, Object> logging = map(service.get("logging"));
            assertThat(logging.get("driver")).as(name).isEqualTo("json-file");
            assertThat(map(logging.get("options"))).as(name).containsKeys("max-size", "max-file");
        });
    }

    @Test
    void runsEveryServiceAsAFixedNonRootUserOnAReadOnlyRootWithoutCapabilities() {
        services.forEach((name, service) -> {
            assertThat(String.valueOf(service.get("user"))).as(name + " user").matches("[1-9]\\d*:[1-9]\\d*");
            assertThat(service.get("read_only")).as(name + " read_only").isEqualTo(true);
            assertThat(list(service.get("tmpfs"))).as(name + " tmpfs").anyMatch(mount -> mount.startsWith("/tmp"));
            assertThat(list(service.get("cap_drop"))).as(name + " cap_drop").containsExactly("ALL");
            // nothing here needs a capability: every service runs unprivileged on high ports
            assertThat(service).as(name + " cap_add").doesNotContainKey("cap_add");
            assertThat(service).as(name).doesNotContainKey("privileged");
            assertThat(list(service.get("security_opt"))).as(name).contains("no-new-privileges:true");
        });
    }

    @Test
    void keepsEverySecretInAFileAndNoneInTheEnvironment() {
        Map<String, Object> secrets = map(compose.get("secrets"));
        assertThat(secrets).isNotEmpty();
        secrets.forEach((name, secret) -> assertThat(map(secret)).as(name).containsKey("file"));
        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            boolean secretName = key.matches(".*(PASSWORD|SECRET|_KEY|TOKEN).*") && !key.endsWith("_FILE");
            assertThat(secretName).as(name + " has " + key + " in its environment").isFalse();
            if (key.endsWith("_FILE") && String.valueOf(value).startsWith("/run/secrets/")) {
                String secret = String.valueOf(value).substring("/run/secrets/".length());
                assertThat(list(service.get("secrets"))).as(name + " mounts " + secret).contains(secret);
            }
        }));
        assertThat(list(services.get("postgres-db").get("secrets"))).contains("postgres_password");
        assertThat(environment(services.get(APPLIANCE))).containsKeys("ARASUL_DB_PASSWORD_FILE",
                "ARASUL_S3_ACCESS_KEY_FILE", "ARASUL_S3_SECRET_KEY_FILE", "ARASUL_N8N_API_KEY_FILE");
    }

    @Test
    void publishesPortsOnlyFromTheReverseProxyOnTheEdgeNetwork() {
        Map<String, Object> networks = map(compose.get("networks"));
        assertThat(networks).containsOnlyKeys("edge", "backend");
        assertThat(map(networks.get("backend"))).containsEntry("internal", true);
        services.forEach((name, service) -> {
            if (name.equals("reverse-proxy")) {
                assertThat(list(service.get("ports"))).hasSize(2)
                        .anyMatch(port -> port.endsWith(":8080") && port.contains("HTTP_PORT:-80}"))
                        .anyMatch(port -> port.endsWith(":8443") && port.contains("HTTPS_PORT:-443}"));
            } else {
                assertThat(service).as(name + " publishes nothing").doesNotContainKey("ports");
                assertThat(service).as(name).doesNotContainKey("network_mode");
            }
            assertThat(list(service.get("networks"))).as(name).contains("backend");
        });
        assertThat(services.entrySet().stream().filter(e -> list(e.getValue().get("networks")).contains("edge"))
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder("reverse-proxy", APPLIANCE);
    }

    @Test
    void givesOnlyTheApplianceTheDockerSocketAndPointsItAtTheComposeServices() {
        Map<String, Object> appliance = services.get(APPLIANCE);
        assertThat(labels(appliance)).doesNotContainKey("arasul.service");
        Map<String, Object> environment = environment(appliance);
        assertThat(String.valueOf(environment.get("ARASUL_DB_URL"))).startsWith("jdbc:postgresql://postgres-db:5432/");
        assertThat(environment).containsEntry("ARASUL_S3_ENDPOINT", "http://minio:9000")
                .containsEntry("ARASUL_LLM_URL", "http://llm-service:11434")
                .containsEntry("ARASUL_EMBEDDING_URL", "http://embedding-service:11434")
                .containsEntry("ARASUL_N8N_URL", "http://n8n:5678")
                .containsKeys("ARASUL_DB_USER", "ARASUL_DOCKER_HOST");
        services.forEach((name, service) -> assertThat(String.valueOf(service.get("volumes")).contains("docker.sock"))
                .as(name + " mounts the Docker socket").isEqualTo(name.equals(APPLIANCE)));
    }

    @Test
    void keepsN8nOfflineAndUnderItsPrefix() {
        assertThat(environment(services.get("n8n")))
                .containsEntry("N8N_DIAGNOSTICS_ENABLED", "false")
                .containsEntry("N8N_VERSION_NOTIFICATIONS_ENABLED", "false")
                .containsEntry("N8N_TEMPLATES_ENABLED", "false")
                .containsEntry("N8N_PERSONALIZATION_ENABLED", "false")
                .containsEntry("WEBHOOK_URL", "https://arasul.local/n8n/")
                .containsEntry("N8N_EDITOR_BASE_URL", "https://arasul.local/n8n/");
    }

    @Test
    void namesOnlyDeclaredServicesAsDependencies() {
        services.forEach((name, service) -> {
            String dependsOn = labels(service).get("arasul.depends-on");
            if (dependsOn != null) {
                assertThat(services.keySet()).as(name + " depends on").containsAll(List.of(dependsOn.split(",")));
            }
            assertThat(services.keySet()).as(name + " depends_on").containsAll(dependsOn(service).keySet());
        });
    }

    private static Map<String, String> labels(Map<String, Object> service) {
        Object labels = service.get("labels");
        if (labels instanceof List<?> list) {
            // the "key=value" list form compose also accepts
            return list.stream().map(String::valueOf).map(entry -> entry.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        }
        return map(labels).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    /** Dependency → condition; the short list form means "service_started". */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof List<?> names) {
            return names.stream().map(String::valueOf).collect(Collectors.toMap(n -> n, n -> "service_started"));
        }
        return map(dependsOn).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> String.valueOf(map(e.getValue()).getOrDefault("condition", "service_started"))));
    }

    private static Map<String, Object> environment(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    private static Map<String, Object> healthcheck(Map<String, Object> service) {
        return map(service.get("healthcheck"));
    }

    private static List<String> healthTest(Map<String, Object> service) {
        return list(healthcheck(service).get("test"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}

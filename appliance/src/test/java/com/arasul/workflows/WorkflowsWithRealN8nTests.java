package com.arasul.workflows;

import static com.arasul.workflows.RealN8n.JSON;
import static com.arasul.workflows.RealN8n.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The appliance beside a real n8n: a shipped template imported through n8n's public API, activated
 * and called through its webhook; each run lands once in the activity, from both doors, with its
 * status and duration; a failed run is an error with n8n's message; n8n stopping and starting again
 * is noticed and survived. n8n starts once for the class (it takes a while) and is stopped at its end.
 */
@ApplianceTest
@TestPropertySource(properties = {"arasul.security.admin-password=" + WorkflowsWithRealN8nTests.ADMIN_PASSWORD,
        "arasul.security.rate-limits.login.requests=1000", "arasul.security.rate-limits.api.requests=100000",
        "arasul.healing.engine.scope=n8n", "arasul.workflows.poll-interval=1s", "arasul.workflows.max-backoff=2s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WorkflowsWithRealN8nTests {

    static final String ADMIN_PASSWORD = "Workflows-Admin-Password-7!";
    static final Path TEMPLATES = Path.of("..", "compose", "n8n", "templates");
    private static final String REPORT_WORKFLOW = "Arasul: report a run";

    private static RealN8n n8n;
    private static String n8nKey;
    private static Path keyFile;
    private static boolean imported;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ApplianceHttp appliance;

    @DynamicPropertySource
    static synchronized void n8n(DynamicPropertyRegistry registry) throws IOException {
        if (n8n == null) {
            n8n = new RealN8n(); // assigned first, so that the end of the class stops it even if it never got ready
            n8n.start();
            n8nKey = n8n.setUpOwnerAndApiKey();
            keyFile = Files.writeString(n8n.userFolder().resolve("arasul-api-key"), n8nKey);
        }
        registry.add("arasul.workflows.n8n-url", () -> n8n.url().toString());
        registry.add("arasul.workflows.api-key-file", keyFile::toString);
    }

    @AfterAll
    static void stopN8n() {
        if (n8n != null) {
            n8n.close();
        }
    }

    @BeforeEach
    synchronized void importTheReportTemplateOnce() {
        appliance = new ApplianceHttp(port, ADMIN_PASSWORD);
        if (imported) {
            return;
        }
        String credential = n8nCredential("Bearer " + appliance.apiKey("workflows"));
        String id = importTemplate("report-a-run.json", credential);
        expect(200, n8n.api("POST", "/api/v1/workflows/" + id + "/activate", n8nKey, null), "activate");
        imported = true;
    }

    @Test
    void recordsARunCalledThroughItsWebhookOnceFromBothDoors() {
        HttpResponse<String> answer = webhook("{\"name\": \"flows\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String executionId = JSON.readTree(answer.body()).get("execution_id").asString();
        assertThat(executionId).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> recordedByBothDoors(executionId));
        Map<String, Object> row = row(executionId);
        assertThat(row).containsEntry("status", "success").containsEntry("workflow_name", REPORT_WORKFLOW);
        assertThat((Long) row.get("duration_ms")).isNotNull().isNotNegative();
        assertThat(row.get("finished_at")).isNotNull();
        assertThat(rows(executionId)).isEqualTo(1);

        JsonNode stats = apiGet("/api/workflows/stats?range=24h");
        assertThat(stats.get("workflows").valueStream().map(w -> w.get("workflow_name").asString()))
                .contains(REPORT_WORKFLOW);
        JsonNode activity = apiGet("/api/workflows/activity");
        assertThat(activity.get("engine").get("up").asBoolean()).isTrue();
        assertThat(activity.get("last_24h").get("runs").asLong()).isPositive();
    }

    @Test
    void recordsAFailedRunAsAnErrorWithN8nsMessage() {
        HttpResponse<String> answer = webhook("{\"fail\": true, \"reason\": \"flows-test: the disk is on fire\"}");

        assertThat(answer.statusCode()).isGreaterThanOrEqualTo(500);
        await().atMost(Duration.ofSeconds(30)).until(() -> !failures("the disk is on fire").isEmpty());
        Map<String, Object> failed = failures("the disk is on fire").getFirst();
        assertThat(failed).containsEntry("status", "error").containsEntry("workflow_name", REPORT_WORKFLOW)
                .containsEntry("source", "poll");
        assertThat(rows((String) failed.get("execution_id"))).isEqualTo(1);
        JsonNode history = apiGet("/api/workflows/history?status=error&workflow=" + REPORT_WORKFLOW.replace(" ", "%20")
                .replace(":", "%3A"));
        assertThat(history.get("runs").get(0).get("error").asString()).contains("the disk is on fire");
    }

    @Test
    void survivesN8nStoppingAndStartingAgain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> apiGet("/api/workflows/activity").get("engine").get("up").asBoolean());

        n8n.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !apiGet("/api/workflows/activity").get("engine").get("up").asBoolean());
        assertThat(apiGet("/api/workflows/activity").get("engine").get("problem").asString()).contains("n8n");

        n8n.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> apiGet("/api/workflows/activity").get("engine").get("up").asBoolean());
        HttpResponse<String> answer = webhook("{\"name\": \"after the restart\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String executionId = JSON.readTree(answer.body()).get("execution_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> recordedByBothDoors(executionId));
        assertThat(rows(executionId)).isEqualTo(1);
    }

    @Test
    void everyShippedTemplateImportsThroughN8nsPublicApi() throws IOException {
        try (var files = Files.list(TEMPLATES)) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(templates).hasSizeGreaterThanOrEqualTo(3);
            for (Path template : templates) {
                JsonNode sent = JSON.readTree(template.toFile());
                HttpResponse<String> created = n8n.api("POST", "/api/v1/workflows", n8nKey, sent);
                assertThat(created.statusCode()).as(template + ": " + created.body()).isEqualTo(200);
                assertThat(JSON.readTree(created.body()).get("nodes").size()).as(template.toString())
                        .isEqualTo(sent.get("nodes").size());
            }
        }
    }

    private String importTemplate(String file, String credentialId) {
        try {
            String text = Files.readString(TEMPLATES.resolve(file))
                    .replace("http://arasul:8080", "http://127.0.0.1:" + port)
                    .replace("\"arasul-api-key\"", "\"" + credentialId + "\"");
            HttpResponse<String> created = expect(200, n8n.api("POST", "/api/v1/workflows", n8nKey, JSON.readTree(text)),
                    "import " + file);
            return JSON.readTree(created.body()).get("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template's "Arasul API key" credential, holding what the push door accepts. */
    private String n8nCredential(String authorization) {
        ObjectNode credential = JSON.createObjectNode().put("name", "Arasul API key").put("type", "httpHeaderAuth");
        credential.putObject("data").put("name", "Authorization").put("value", authorization);
        return JSON.readTree(expect(200, n8n.api("POST", "/api/v1/credentials", n8nKey, credential), "credential")
                .body()).get("id").asString();
    }

    private HttpResponse<String> webhook(String body) {
        return send(HttpRequest.newBuilder(n8n.url().resolve("/webhook/arasul-report"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Pushed by the workflow, and polled from n8n once it had finished (an earlier poll may see it running). */
    private boolean recordedByBothDoors(String executionId) {
        Map<String, Object> row = row(executionId);
        return "both".equals(row.get("source")) && row.get("finished_at") != null;
    }

    private Map<String, Object> row(String executionId) {
        return jdbc.queryForList("SELECT * FROM workflow_activity WHERE execution_id = ?", executionId).stream()
                .findFirst().orElse(Map.of());
    }

    private int rows(String executionId) {
        return jdbc.queryForObject("SELECT count(*) FROM workflow_activity WHERE execution_id = ?", Integer.class,
                executionId);
    }

    private List<Map<String, Object>> failures(String message) {
        return jdbc.queryForList("SELECT * FROM workflow_activity WHERE status = 'error' AND error LIKE ?",
                "%" + message + "%");
    }

    private JsonNode apiGet(String path) {
        return JSON.readTree(expect(200, appliance.get(path, appliance.token()), path).body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return appliance.send(request);
    }
}

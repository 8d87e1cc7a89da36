package com.arasul.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The workflow API without n8n: the push door, the summaries and statistics, and what it refuses. */
@ApplianceTest
@TestPropertySource(properties = {"arasul.security.admin-password=" + WorkflowActivityApiTests.ADMIN_PASSWORD,
        "arasul.security.rate-limits.login.requests=1000", "arasul.security.rate-limits.api.requests=100000"})
class WorkflowActivityApiTests {

    static final String ADMIN_PASSWORD = "Workflows-Api-Password-7!";
    private static final JsonMapper JSON = ApplianceHttp.JSON;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ApplianceHttp api;

    @BeforeEach
    void clean() {
        api = new ApplianceHttp(port, ADMIN_PASSWORD);
        jdbc.update("DELETE FROM workflow_activity WHERE workflow_name LIKE 'wfa-%'");
    }

    @Test
    void aRunPushedTwiceWithItsExecutionIdIsRecordedOnce() {
        HttpResponse<String> first = push("{\"workflow_name\":\"wfa-import\",\"status\":\"running\",\"duration_ms\":0,"
                + "\"execution_id\":\"wfa-1\"}");
        HttpResponse<String> second = push("{\"workflow_name\":\"wfa-import\",\"status\":\"error\",\"duration_ms\":1500,"
                + "\"execution_id\":\"wfa-1\",\"error\":\"the source was empty\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT status, duration_ms, error, source FROM workflow_activity"
                + " WHERE execution_id = 'wfa-1'")).singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("status", "error").containsEntry("error", "the source was empty")
                        .containsEntry("source", "push"));
    }

    @Test
    void theSummaryCountsRunsAndFailuresAndNamesTheLastFailure() {
        push("{\"workflow_name\":\"wfa-report\",\"status\":\"success\",\"duration_ms\":100}");
        push("{\"workflow_name\":\"wfa-report\",\"status\":\"error\",\"duration_ms\":200,\"error\":\"wfa: no answer\"}");

        JsonNode activity = get("/api/workflows/activity");

        assertThat(activity.get("today").get("runs").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(activity.get("today").get("failures").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(activity.get("last_failure").get("error").asString()).isEqualTo("wfa: no answer");
        assertThat(activity.get("engine").get("configured").asBoolean()).isFalse();
        assertThat(activity.get("recent").get(0).get("workflow_name").asString()).isEqualTo("wfa-report");
    }

    @Test
    void statsGiveEachWorkflowsSuccessRateAverageAndP95() {
        Instant recent = Instant.now().minusSeconds(60);
        for (int i = 1; i <= 20; i++) {
            jdbc.update("INSERT INTO workflow_activity (workflow_name, status, occurred_at, duration_ms) VALUES (?, ?, ?, ?)",
                    "wfa-stats", i <= 15 ? "success" : "error", Timestamp.from(recent), i * 100L);
        }
        jdbc.update("INSERT INTO workflow_activity (workflow_name, status, occurred_at, duration_ms) VALUES (?, ?, ?, ?)",
                "wfa-stats", "success", Timestamp.from(Instant.now().minus(Duration.ofDays(3))), 50L);

        JsonNode day = workflow(get("/api/workflows/stats?range=24h"), "wfa-stats");
        JsonNode week = workflow(get("/api/workflows/stats?range=7d"), "wfa-stats");

        assertThat(day.get("runs").asLong()).isEqualTo(20);
        assertThat(day.get("failures").asLong()).isEqualTo(5);
        assertThat(day.get("success_rate").asDouble()).isEqualTo(0.75);
        assertThat(day.get("avg_duration_ms").asLong()).isEqualTo(1050);
        assertThat(day.get("p95_duration_ms").asLong()).isEqualTo(1905);
        assertThat(week.get("runs").asLong()).isEqualTo(21);
        assertThat(get("/api/workflows/active").get("workflows").valueStream()
                .map(w -> w.get("workflow_name").asString())).contains("wfa-stats");
    }

    @Test
    void historyFiltersByWorkflowStatusAndTime() {
        push("{\"workflow_name\":\"wfa-hist\",\"status\":\"success\",\"duration_ms\":1}");
        push("{\"workflow_name\":\"wfa-hist\",\"status\":\"canceled\",\"duration_ms\":2}");

        JsonNode runs = get("/api/workflows/history?workflow=wfa-hist&status=canceled&since="
                + Instant.now().minusSeconds(3600) + "&limit=5").get("runs");

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status").asString()).isEqualTo("canceled");
        assertThat(get("/api/workflows/history?workflow=wfa-hist&since=" + Instant.now().plusSeconds(60)).get("runs"))
                .isEmpty();
    }

    @Test
    void refusesBadParametersWithAClearError() {
        assertBadRequest(raw("/api/workflows/history?limit=0"), "limit");
        assertBadRequest(raw("/api/workflows/history?limit=many"), "limit");
        assertBadRequest(raw("/api/workflows/history?status=exploded"), "status must be one of");
        assertBadRequest(raw("/api/workflows/history?since=yesterday"), "ISO-8601");
        assertBadRequest(raw("/api/workflows/stats?range=1y"), "range");
        assertBadRequest(push("{\"workflow_name\":\"wfa-bad\",\"status\":\"fine\",\"duration_ms\":1}"), "status");
        assertBadRequest(push("{\"workflow_name\":\"\",\"status\":\"success\",\"duration_ms\":1}"), "workflow_name");
        assertBadRequest(push("{\"workflow_name\":\"wfa-bad\",\"status\":\"success\",\"duration_ms\":-5}"), "duration");
        assertBadRequest(push("{\"workflow_name\":\"wfa-bad\",\"status\":\"success\"}"), "duration");
        assertBadRequest(push("not json"), "JSON");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workflow_activity WHERE workflow_name = 'wfa-bad'",
                Integer.class)).isZero();
    }

    @Test
    void aKeyOfScopeWorkflowsMayPushButNotReadAndAReadKeyMayReadButNotPush() {
        String workflowsKey = api.apiKey("workflows");
        String readKey = api.apiKey("read");
        String run = "{\"workflow_name\":\"wfa-key\",\"status\":\"success\",\"duration_ms\":3}";

        assertThat(api.post("/api/workflows/execution", workflowsKey, run).statusCode()).isEqualTo(201);
        assertThat(api.post("/api/workflows/execution", readKey, run).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/workflows/activity", readKey).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/workflows/activity", workflowsKey).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM workflow_activity WHERE workflow_name = 'wfa-key'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void thePushDoorNeedsAToken() {
        HttpResponse<String> anonymous = api.send(HttpRequest.newBuilder(api.uri("/api/workflows/execution"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"workflow_name\":\"wfa-anon\",\"status\":\"success\",\"duration_ms\":1}")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static void assertBadRequest(HttpResponse<String> response, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("message").asString()).containsIgnoringCase(mentions);
        assertThat(error.has("timestamp") && error.has("path") && error.has("error")).isTrue();
    }

    private static JsonNode workflow(JsonNode stats, String name) {
        return stats.get("workflows").valueStream().filter(w -> name.equals(w.get("workflow_name").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(name + " missing in " + stats));
    }

    private HttpResponse<String> push(String body) {
        return api.post("/api/workflows/execution", api.token(), body);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = raw(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> raw(String path) {
        return api.get(path, api.token());
    }
}

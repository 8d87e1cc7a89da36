package com.arasul.healing;

import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The services, self-healing and logs API with a real login token, on a real container. */
@ObservingAppliance
class HealingApiTests {

    private static final String SERVICE = "hea-a-api";

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeAll
    static void container() {
        HealingTestContainers.images();
        runManaged(SERVICE, SLEEPER);
    }

    @AfterAll
    static void cleanUp() {
        removeAll();
    }

    @BeforeEach
    void login() {
        api = new HttpApi(port, ObservingAppliance.ADMIN_PASSWORD);
    }

    @Test
    void listsEachManagedServiceWithStateHealthUptimeAndUsage() {
        await().atMost(Duration.ofSeconds(10)).until(() -> running(SERVICE));
        JsonNode body = HttpApi.json(api.get("/api/services"));
        assertThat(body.get("timestamp").asString()).isNotBlank();
        JsonNode service = service(body, SERVICE);
        assertThat(service.get("state").asString()).isEqualTo("running");
        assertThat(service.get("health").asString()).isEqualTo("none");
        assertThat(service.get("needs_attention").asBoolean()).isFalse();
        assertThat(service.get("memory_bytes").asLong()).isPositive();
        assertThat(service.has("uptime_seconds")).isTrue();
    }

    @Test
    void restartsAServiceOnRequestThroughTheAdapterAndRecordsIt() {
        await().atMost(Duration.ofSeconds(10)).until(() -> running(SERVICE));
        Instant before = startedAt(SERVICE);

        var response = api.post("/api/services/" + SERVICE + "/restart");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HttpApi.json(response).get("success").asBoolean()).isTrue();
        assertThat(startedAt(SERVICE)).isAfter(before);
        JsonNode events = HttpApi.json(api.get("/api/self-healing/events?event_type=manual_restart"));
        assertThat(events.get("events")).anySatisfy(e -> assertThat(e.get("service").asString()).isEqualTo(SERVICE));
        JsonNode actions = HttpApi.json(api.get("/api/self-healing/recovery-actions?limit=5"));
        assertThat(actions.get("recovery_actions")).anySatisfy(a -> {
            assertThat(a.get("rule_name").asString()).isEqualTo("manual restart");
            assertThat(a.get("success").asBoolean()).isTrue();
        });
    }

    @Test
    void answers404ForAServiceThatIsNotManaged() {
        var response = api.post("/api/services/no-such-service/restart");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(HttpApi.json(response).get("message").asString()).contains("no-such-service");
    }

    @Test
    void refusesFilterValuesOutsideTheirWhitelistsWith400() {
        for (String query : List.of("severity=bogus", "event_type=drop%20table", "limit=0", "limit=501", "offset=-1",
                "since=yesterday", "limit=abc")) {
            var response = api.get("/api/self-healing/events?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            JsonNode error = HttpApi.json(response);
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("path").asString()).isEqualTo("/api/self-healing/events");
        }
        assertThat(api.get("/api/self-healing/events?severity=warning&event_type=service_failure&since=2026-01-01T00:00:00Z"
                + "&limit=10&offset=0").statusCode()).isEqualTo(200);
    }

    @Test
    void reportsModeDockerAndNeedsAttentionAndMetrics() {
        JsonNode status = HttpApi.json(api.get("/api/self-healing/status"));
        assertThat(status.get("mode").asString()).isEqualTo("observe");
        assertThat(status.get("docker_up").asBoolean()).isTrue();
        assertThat(status.get("needs_attention").isArray()).isTrue();
        JsonNode metrics = HttpApi.json(api.get("/api/self-healing/metrics"));
        assertThat(metrics.get("uptime").isArray()).isTrue();
        assertThat(metrics.get("action_success").isArray()).isTrue();
        assertThat(api.get("/api/self-healing/service-failures").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/self-healing/reboot-history").statusCode()).isEqualTo(200);
    }

    @Test
    void servesContainerLogsAndTheAppliancesOwnButNoPathFromTheRequest() {
        JsonNode sources = HttpApi.json(api.get("/api/logs/list")).get("sources");
        assertThat(StreamSupport.stream(sources.spliterator(), false).map(s -> s.get("name").asString()))
                .contains("appliance", SERVICE);
        JsonNode tail = HttpApi.json(api.get("/api/logs?service=appliance&lines=50")).get("lines");
        assertThat(tail.size()).isPositive();
        assertThat(api.get("/api/logs?service=" + SERVICE + "&lines=10").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/logs?service=..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/logs?service=appliance&level=loud").statusCode()).isEqualTo(400);
        String line = tail.get(tail.size() - 1).asString();
        String needle = java.util.Arrays.stream(line.split("\\s+")).filter(t -> t.length() >= 2 && t.length() <= 200)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        JsonNode found = HttpApi.json(api.get("/api/logs/search?service=appliance&q="
                + java.net.URLEncoder.encode(needle, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(found.get("matches").size()).isPositive();
    }

    @Test
    void pushesEachRecordedEventOnTheLiveWebSocket() {
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer", api.token())
                .buildAsync(URI.create("ws://localhost:" + port + "/api/self-healing/live"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).join();
        try {
            assertThat(socket.getSubprotocol()).isEqualTo("bearer");
            api.post("/api/services/" + SERVICE + "/restart");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(m -> m.contains("\"manual_restart\"") && m.contains(SERVICE)));
        } finally {
            socket.abort();
        }
    }

    private static JsonNode service(JsonNode body, String name) {
        return StreamSupport.stream(body.get("services").spliterator(), false)
                .filter(s -> s.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed: " + body));
    }
}

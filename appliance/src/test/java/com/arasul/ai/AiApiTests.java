package com.arasul.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.arasul.ai.StandInOllama.Script;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** The AI endpoints through the running appliance, as the dashboard and an integration with an API key call them. */
@AiApplianceTest
class AiApiTests extends AiApiTestSupport {

    @BeforeEach
    void resetStandIn() {
        ollama.reset();
    }

    @Test
    void chatStreamsOneEventPerChunkAndAFinalOneWithTimings() throws Exception {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "The", " sky")));

        HttpResponse<String> response = send("POST", "/api/llm/chat", key("llm"),
                Map.of("messages", List.of(Map.of("role", "user", "content", "Why is the sky blue?"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        List<String> events = events(response.body());
        assertThat(events).containsExactly("chunk", "chunk", "done");
        JsonNode done = JSON.readTree(data(response.body()).getLast());
        assertThat(done.get("done_reason").asString()).isEqualTo("stop");
        assertThat(done.get("eval_duration").asLong()).isEqualTo(4535599000L);
        assertThat(JSON.readTree(ollama.requests("POST", "/api/chat").getFirst().body()).get("model").asString())
                .as("the default model fills in").isEqualTo(MODEL);
    }

    @Test
    void chatWithoutStreamingAnswersOneJson() throws Exception {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "Hello", " there")));

        HttpResponse<String> response = send("POST", "/api/llm/chat", admin(), Map.of("stream", false,
                "messages", List.of(Map.of("role", "user", "content", "Hi"))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/message/content").asString()).isEqualTo("Hello there");
    }

    @Test
    void unknownModelIsNotFoundNamingIt() throws Exception {
        ollama.answer("POST", "/api/chat", 404, "error-model-not-found.json");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/llm/chat"))
                .header("Authorization", "Bearer " + admin()).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("model", "nope:1b", "messages", List.of(Map.of("role", "user", "content", "Hi"))))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains("'nope:1b'");
    }

    @Test
    void errorInTheMiddleOfAStreamBecomesAnErrorEvent() throws Exception {
        List<String> lines = new ArrayList<>(StandInOllama.chatChunks(MODEL, "The").subList(0, 1));
        lines.add("{\"error\":\"an error was encountered while running the model\"}");
        ollama.stream("POST", "/api/chat", Script.of(lines));

        HttpResponse<String> response = send("POST", "/api/llm/chat", admin(),
                Map.of("messages", List.of(Map.of("role", "user", "content", "Hi"))));

        assertThat(events(response.body())).containsExactly("chunk", "error");
        assertThat(data(response.body()).getLast()).contains("an error was encountered while running the model");
    }

    @Test
    void clientThatGoesAwayMidStreamCancelsTheUpstreamRequest() throws Exception {
        int gone = ollama.clientsGone();
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "w ".repeat(500).split(" ")))
                .paced(Duration.ofMillis(20)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/llm/chat"))
                .header("Authorization", "Bearer " + admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("messages", List.of(Map.of("role", "user", "content", "Talk")))))).build();

        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("event: chunk");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> ollama.clientsGone() > gone);
    }

    @Test
    void defaultModelIsStoredAndGuardedAgainstDeletion() throws Exception {
        String token = admin();
        assertThat(send("PUT", "/api/services/llm/default-model", token, Map.of("model", "codellama:13b")).statusCode())
                .isEqualTo(200);
        try {
            assertThat(JSON.readTree(send("GET", "/api/services/llm/default-model", token, null).body())
                    .get("model").asString()).isEqualTo("codellama:13b");

            HttpResponse<String> refused = send("DELETE", "/api/services/llm/models/codellama:13b", token, null);

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("confirm_default=true");
            assertThat(ollama.requests("DELETE", "/api/delete")).isEmpty();
        } finally {
            send("PUT", "/api/services/llm/default-model", token, Map.of("model", MODEL));
        }
    }

    @Test
    void modelIsDeletedAndTheDefaultOnlyWithConfirmation() throws Exception {
        ollama.answer("DELETE", "/api/delete", 200, "delete-ok.json");
        String token = admin();

        HttpResponse<String> other = send("DELETE", "/api/services/llm/models/codellama:13b", token, null);
        HttpResponse<String> refused = send("DELETE", "/api/services/llm/models/" + MODEL, token, null);
        HttpResponse<String> confirmed = send("DELETE", "/api/services/llm/models/" + MODEL + "?confirm_default=true",
                token, null);

        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).get("deleted").asString()).isEqualTo(MODEL);
        assertThat(ollama.requests("DELETE", "/api/delete")).extracting(r -> JSON.readTree(r.body()).get("model").asString())
                .containsExactly("codellama:13b", MODEL);
    }

    @Test
    void deletingAModelThatIsNotThereIsNotFoundNamingIt() throws Exception {
        ollama.answer("DELETE", "/api/delete", 404, "error-model-not-found.json");

        HttpResponse<String> response = send("DELETE", "/api/services/llm/models/gone:7b", admin(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains("'gone:7b'");
    }

    @Test
    void modelDetailsComeFromOllamasShow() throws Exception {
        ollama.answer("POST", "/api/show", 200, "show.json");

        HttpResponse<String> response = send("GET", "/api/services/llm/models/" + MODEL, admin(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode details = JSON.readTree(response.body());
        assertThat(details.at("/details/parameter_size").asString()).isEqualTo("8.0B");
        assertThat(details.at("/model_info/llama.context_length").asInt()).isEqualTo(8192);
        assertThat(JSON.readTree(ollama.requests("POST", "/api/show").getFirst().body()).get("model").asString())
                .isEqualTo(MODEL);
    }

    @Test
    void detailsOfAnUnknownModelAreNotFoundNamingIt() throws Exception {
        ollama.answer("POST", "/api/show", 404, "error-model-not-found.json");

        HttpResponse<String> response = send("GET", "/api/services/llm/models/nope:1b", admin(), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains("'nope:1b'");
    }

    @Test
    void runningPullIsTheOnlyOneAndCanBeCancelledWhichClosesTheDownload() throws Exception {
        int gone = ollama.clientsGone();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            lines.add("{\"status\":\"pulling 6a0746a1ec1a\",\"digest\":\"sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa\",\"total\":2142590208,\"completed\":"
                    + i * 7_000_000L + "}");
        }
        lines.add("{\"status\":\"success\"}");
        ollama.stream("POST", "/api/pull", Script.of(lines).paced(Duration.ofMillis(100)));
        String token = admin();
        assertThat(send("POST", "/api/services/llm/models/pull", token, Map.of("model", "llama3.2")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> currentPull(token).path("completed").asLong() > 0);

        HttpResponse<String> second = send("POST", "/api/services/llm/models/pull", token, Map.of("model", "mistral"));
        HttpResponse<String> cancelled = send("DELETE", "/api/services/llm/models/pull", token, null);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(second.body()).get("message").asString()).contains("'llama3.2' is being pulled");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode pull = currentPull(token);
            assertThat(pull.get("state").asString()).isEqualTo("cancelled");
            assertThat(pull.get("error").isNull()).isTrue();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> ollama.clientsGone() > gone);
        assertThat(ollama.requests("POST", "/api/pull")).hasSize(1);
        assertThat(send("DELETE", "/api/services/llm/models/pull", token, null).statusCode())
                .as("nothing left to cancel").isEqualTo(404);
    }

    @Test
    void modelsListJoinsDiskAndMemory() throws Exception {
        ollama.answer("GET", "/api/tags", 200, "tags.json").answer("GET", "/api/ps", 200, "ps.json");

        JsonNode models = JSON.readTree(send("GET", "/api/services/llm/models", admin(), null).body()).get("models");

        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("name").asString()).isEqualTo("codellama:13b");
        assertThat(models.get(0).get("size").asLong()).isEqualTo(7365960935L);
        assertThat(models.get(0).get("parameters").asString()).isEqualTo("13B");
        assertThat(models.get(0).get("quantization").asString()).isEqualTo("Q4_0");
        assertThat(models.get(0).get("loaded").asBoolean()).isFalse();
    }

    @Test
    void pullRunsAsAJobAndReportsProgressToTheEnd() throws Exception {
        ollama.stream("POST", "/api/pull", Script.of(List.of(
                "{\"status\":\"pulling manifest\"}",
                "{\"status\":\"pulling 6a0746a1ec1a\",\"digest\":\"sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa\",\"total\":2142590208,\"completed\":241970}",
                "{\"status\":\"pulling 6a0746a1ec1a\",\"digest\":\"sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa\",\"total\":2142590208,\"completed\":1071295104}",
                "{\"status\":\"verifying sha256 digest\"}",
                "{\"status\":\"writing manifest\"}",
                "{\"status\":\"success\"}")).paced(Duration.ofMillis(200)));
        String token = admin();

        HttpResponse<String> started = send("POST", "/api/services/llm/models/pull", token, Map.of("model", "llama3.2"));

        assertThat(started.statusCode()).isEqualTo(202);
        List<String> seen = new ArrayList<>();
        HttpResponse<java.io.InputStream> events = watchPull(token);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.contains("\"state\":\"succeeded\"")) {
                seen.add(line);
            }
            seen.add(line);
        }
        assertThat(String.join("\n", seen)).contains("\"percent\":50.0").contains("\"state\":\"succeeded\"");
        JsonNode pull = JSON.readTree(send("GET", "/api/services/llm/models/pull", token, null).body()).get("pull");
        assertThat(pull.get("state").asString()).isEqualTo("succeeded");
        assertThat(pull.get("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void finishedPullStillShowsTheSizeItDownloaded() throws Exception {
        ollama.keepModels("tags.json", Duration.ofMillis(100), MODEL);
        long size = 7365960935L; // codellama:13b in tags.json: the stand-in's one layer
        String token = admin();

        HttpResponse<String> started = send("POST", "/api/services/llm/models/pull", token,
                Map.of("model", "codellama:13b"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("id").asString();

        List<JsonNode> progress = new ArrayList<>();
        HttpResponse<java.io.InputStream> events = watchPull(token);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode pull = line.startsWith("data: ") ? JSON.readTree(line.substring(6)) : null;
                if (pull != null && id.equals(pull.path("id").asString(null))) {
                    progress.add(pull);
                    if (!pull.get("state").asString().equals("running")) {
                        break;
                    }
                }
            }
        }
        assertThat(progress.getLast().get("state").asString()).isEqualTo("succeeded");
        assertThat(progress.stream().dropWhile(pull -> pull.get("total").asLong() == 0).toList())
                .as("every event once the download began, the verifying and the finished ones too").isNotEmpty()
                .allSatisfy(pull -> assertThat(pull.get("total").asLong()).as(pull.toString()).isEqualTo(size));
        JsonNode done = currentPull(token);
        assertThat(done.get("status").asString()).isEqualTo("success");
        assertThat(done.get("total").asLong()).isEqualTo(size);
        assertThat(done.get("completed").asLong()).isEqualTo(size);
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void pageLeavingThePullEventsLogsNoErrorAndTheNextPageIsServed() throws Exception {
        ollama.keepModels("tags.json", Duration.ofMillis(50), MODEL);
        List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                logged.add(event);
            }
        };
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger controller = (Logger) LoggerFactory.getLogger("com.arasul.ai.internal.ModelController");
        Level level = controller.getLevel();
        controller.setLevel(Level.DEBUG);
        root.addAppender(appender);
        try {
            String token = admin();
            HttpResponse<java.io.InputStream> closed = watchPull(token);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(closed.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).isEqualTo("event: progress");
            }

            assertThat(send("POST", "/api/services/llm/models/pull", token, Map.of("model", "codellama:13b"))
                    .statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(20)).until(() -> logged.stream().anyMatch(event ->
                    event.getLevel() == Level.ERROR || event.getFormattedMessage().startsWith("A watcher of the pull left")));
            await().atMost(Duration.ofSeconds(20)).until(() -> currentPull(token).get("state").asString()
                    .equals("succeeded"));
            assertThat(logged).as("a closed page is no error, nor an error body in an event stream")
                    .filteredOn(event -> event.getLevel() == Level.ERROR || event.getLevel() == Level.WARN
                            && event.getLoggerName().startsWith("org.springframework.web"))
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
            HttpResponse<java.io.InputStream> next = watchPull(token);
            assertThat(next.statusCode()).isEqualTo(200);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(next.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).isEqualTo("event: progress");
                assertThat(reader.readLine()).contains("\"model\":\"codellama:13b\"").contains("\"state\":\"succeeded\"");
            }
        } finally {
            root.detachAppender(appender);
            controller.setLevel(level);
        }
    }

    @Test
    void pullOnABoxWithoutInternetSaysSoPlainly() throws Exception {
        ollama.stream("POST", "/api/pull", Script.of(List.of("{\"status\":\"pulling manifest\"}",
                "{\"error\":\"pull model manifest: Get \\\"https://registry.ollama.ai/v2/library/llama3.2/manifests/latest\\\": dial tcp: lookup registry.ollama.ai: no such host\"}")));
        String token = admin();

        send("POST", "/api/services/llm/models/pull", token, Map.of("model", "llama3.2"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode pull = JSON.readTree(send("GET", "/api/services/llm/models/pull", token, null).body()).get("pull");
            assertThat(pull.get("state").asString()).isEqualTo("failed");
            assertThat(pull.get("error").asString()).startsWith("the box cannot download models");
        });
    }

    @Test
    void embeddingsAreUnitVectorsFromTheLocalModel() throws Exception {
        HttpResponse<String> response = send("POST", "/api/embeddings", key("embeddings"),
                Map.of("input", List.of("first text", "second text")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("provider").asString()).isEqualTo("local");
        assertThat(answer.get("dimensions").asInt()).isEqualTo(384);
        assertThat(answer.get("embeddings")).hasSize(2);
    }

    @Test
    void tooLongTextIsRefusedNamingTheLimit() throws Exception {
        HttpResponse<String> response = send("POST", "/api/embeddings", admin(), Map.of("input", "x".repeat(9000)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains("at most 8192");
    }

    @Test
    void embeddingInfoNamesTheProviderAndItsLimits() throws Exception {
        HttpResponse<String> response = send("GET", "/api/services/embedding/info", admin(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(response.body());
        assertThat(info.get("provider").asString()).isEqualTo("local");
        assertThat(info.get("dimensions").asInt()).isEqualTo(384);
        assertThat(info.get("max_batch").asInt()).isEqualTo(100);
        assertThat(info.get("max_text_length").asInt()).isEqualTo(8192);
    }

    @Test
    void statusShowsBothServices() throws Exception {
        ollama.answer("GET", "/api/version", 200, "version.json").answer("GET", "/api/tags", 200, "tags.json")
                .answer("GET", "/api/ps", 200, "ps.json");

        JsonNode status = JSON.readTree(send("GET", "/api/services/ai", admin(), null).body());

        assertThat(status.at("/llm/state").asString()).isEqualTo("running");
        assertThat(status.at("/llm/models")).hasSize(2);
        assertThat(status.at("/embeddings/provider").asString()).isEqualTo("local");
    }

    private HttpResponse<java.io.InputStream> watchPull(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/services/llm/models/pull/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private JsonNode currentPull(String token) throws Exception {
        return JSON.readTree(send("GET", "/api/services/llm/models/pull", token, null).body()).get("pull");
    }

    static List<String> events(String body) {
        return body.lines().filter(line -> line.startsWith("event: ")).map(line -> line.substring(7)).toList();
    }

    static List<String> data(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
    }
}

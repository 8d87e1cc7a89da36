package com.arasul.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ai.internal.AiConfiguration;
import com.arasul.ai.internal.AiProperties;
import com.arasul.platform.ActionOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The AI services' actions against a stand-in Ollama answering with its documented responses. */
class OllamaServiceTests {

    private static final Duration CONNECT = Duration.ofMillis(500);
    /** Generous, so that the first call, which loads Jackson, never counts as slow. */
    private static final Duration READ = Duration.ofSeconds(5);
    private static final Duration SHORT_READ = Duration.ofMillis(400);

    private final JsonMapper json = JsonMapper.builder().build();
    private final StandInOllama ollama = new StandInOllama();
    private HttpClient http;

    @AfterEach
    void stop() {
        ollama.close();
        if (http != null) {
            http.close();
        }
    }

    @Test
    void listsLoadedModelsWithTheirMemoryAndExpiry() {
        ollama.answer("GET", "/api/ps", 200, "ps.json");

        assertThat(llm().loadedModels()).contains(java.util.List.of(new LoadedModel("mistral:latest",
                5137025024L, 5137025024L, Instant.parse("2024-06-04T21:38:31.83753Z"))));
    }

    @Test
    void unloadsEveryLoadedModelWithKeepAliveZero() {
        ollama.answer("GET", "/api/ps", 200, "ps-two-models.json")
                .answer("POST", "/api/generate", 200, "generate-unload.json");

        ActionOutcome outcome = llm().unloadAll();

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.message()).isEqualTo("llm-service unloaded mistral:latest, llama3.1:8b");
        assertThat(ollama.requests("POST", "/api/generate")).extracting(r -> json.readTree(r.body()))
                .containsExactly(json.readTree("{\"model\":\"mistral:latest\",\"keep_alive\":0}"),
                        json.readTree("{\"model\":\"llama3.1:8b\",\"keep_alive\":0}"));
    }

    @Test
    void unloadingSucceedsWithoutRequestsWhenNothingIsLoaded() {
        ollama.answer("GET", "/api/ps", 200, "ps-empty.json");

        ActionOutcome outcome = llm().unloadAll();

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.message()).isEqualTo("llm-service had no model loaded");
        assertThat(ollama.requests("POST", "/api/generate")).isEmpty();
    }

    @Test
    void reportsOllamasOwnErrorWhenAnUnloadIsRefused() {
        ollama.answer("GET", "/api/ps", 200, "ps.json")
                .answer("POST", "/api/generate", 404, "error-model-not-found.json");

        ActionOutcome outcome = llm().unloadAll();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("llm-service unloaded 0 of 1 models; mistral:latest answered HTTP 404: "
                + "model \"llama3.1:8b\" not found, try pulling it first");
    }

    @Test
    void preloadsTheDefaultModelWithARequestWithoutPrompt() {
        ollama.answer("POST", "/api/generate", 200, "generate-load.json");

        ActionOutcome outcome = llm().reloadDefaultModel();

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.message()).isEqualTo("llm-service loaded llama3.1:8b");
        assertThat(ollama.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/api/generate");
            assertThat(json.readTree(r.body())).isEqualTo(json.readTree("{\"model\":\"llama3.1:8b\"}"));
        });
    }

    @Test
    void preloadsTheEmbeddingModelByEmbeddingAWord() {
        ollama.answer("POST", "/api/embed", 200, "embed.json");

        ActionOutcome outcome = services(ollama.url(), ollama.url(), "all-minilm").embeddings().reloadDefaultModel();

        assertThat(outcome.success()).isTrue();
        assertThat(ollama.requests()).singleElement().satisfies(r -> assertThat(json.readTree(r.body()))
                .isEqualTo(json.readTree("{\"model\":\"all-minilm\",\"input\":\"warm-up\"}")));
    }

    @Test
    void refusesToPreloadWhenNoDefaultModelIsConfigured() {
        ActionOutcome outcome = services(ollama.url(), ollama.url(), "").embeddings().reloadDefaultModel();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("embedding-service has no default model configured to load");
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void reportsAModelThatIsNotPulled() {
        ollama.answer("POST", "/api/generate", 404, "error-model-not-found.json");

        ActionOutcome outcome = llm().reloadDefaultModel();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("llm-service could not load llama3.1:8b: it answered HTTP 404: "
                + "model \"llama3.1:8b\" not found, try pulling it first");
    }

    @Test
    void isHealthyWhenTheVersionAnswers() {
        ollama.answer("GET", "/api/version", 200, "version.json");

        ActionOutcome outcome = llm().health();

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.message()).isEqualTo("llm-service answers (Ollama 0.12.6)");
    }

    @Test
    void showsVersionModelsOnDiskAndModelsInMemory() {
        ollama.answer("GET", "/api/version", 200, "version.json")
                .answer("GET", "/api/tags", 200, "tags.json")
                .answer("GET", "/api/ps", 200, "ps.json");

        OllamaStatus status = llm().status();

        assertThat(status.reachable()).isTrue();
        assertThat(status.version()).isEqualTo("0.12.6");
        assertThat(status.problem()).isNull();
        assertThat(status.available()).containsExactly(
                new AvailableModel("codellama:13b", 7365960935L, Instant.parse("2023-11-04T21:56:49.277302595Z"), "13B", "Q4_0"),
                new AvailableModel("llama3:latest", 3825819519L, Instant.parse("2023-12-07T17:32:18.757212583Z"), "7B", "Q4_0"));
        assertThat(status.loaded()).extracting(LoadedModel::name, LoadedModel::sizeVram)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mistral:latest", 5137025024L));
    }

    @Test
    void somethingElseAnsweringOnThePortIsAFailureNotAnException() {
        ActionOutcome outcome = llm().health();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).endsWith("answered HTTP 404: Not Found");
    }

    @Test
    void defaultsToTheLocalOllamaPortsWithShortTimeouts() {
        AiProperties defaults = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("arasul.ai.default-embedding-model", "all-minilm")))
                .bindOrCreate("arasul.ai", AiProperties.class);

        assertThat(defaults.llmUrl()).isEqualTo(URI.create("http://localhost:11434"));
        assertThat(defaults.embeddingUrl()).isEqualTo(URI.create("http://localhost:11435"));
        assertThat(defaults.defaultModel()).isEqualTo("llama3.1:8b");
        assertThat(defaults.defaultEmbeddingModel()).isEqualTo("all-minilm");
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aServiceThatIsDownIsACleanFailureWithinTheTimeout() throws IOException {
        URI nobody = closedPort();
        OllamaService down = services(nobody, nobody, "llama3.1:8b").llm();

        ActionOutcome health = down.health();
        ActionOutcome unload = down.unloadAll();

        assertThat(health.success()).isFalse();
        assertThat(health.message()).startsWith("llm-service at " + nobody + " ").contains("refused the connection");
        assertThat(health.duration()).isLessThan(CONNECT.plusSeconds(1));
        assertThat(unload.success()).isFalse();
        assertThat(unload.message()).startsWith("llm-service could not list its loaded models");
        assertThat(down.loadedModels()).isEmpty();
        assertThat(down.status().reachable()).isFalse();
    }

    @Test
    void aServiceThatDoesNotAnswerTimesOut() {
        ollama.hang("GET", "/api/version");

        ActionOutcome outcome = services(ollama.url(), ollama.url(), "", SHORT_READ).llm().health();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).endsWith("did not answer within 400 ms");
        assertThat(outcome.duration()).isGreaterThanOrEqualTo(SHORT_READ).isLessThan(SHORT_READ.plusSeconds(2));
    }

    @Test
    void aServiceStuckHalfwayThroughItsAnswerTimesOut() {
        ollama.answer("GET", "/api/ps", 200, "ps-two-models.json").stallMidBody("GET", "/api/ps");

        ActionOutcome outcome = services(ollama.url(), ollama.url(), "", SHORT_READ).llm().unloadAll();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("llm-service could not list its loaded models: did not answer within 400 ms");
        assertThat(outcome.duration()).isLessThan(SHORT_READ.plusSeconds(2));
        assertThat(ollama.requests("POST", "/api/generate")).isEmpty();
    }

    private OllamaService llm() {
        return services(ollama.url(), ollama.url(), "").llm();
    }

    private AiServices services(URI llm, URI embeddings, String embeddingModel) {
        return services(llm, embeddings, embeddingModel, READ);
    }

    private AiServices services(URI llm, URI embeddings, String embeddingModel, Duration read) {
        var properties = new AiProperties(llm, embeddings, "llama3.1:8b", embeddingModel, CONNECT, read,
                Duration.ofSeconds(5));
        if (http == null) {
            http = AiConfiguration.newHttpClient(properties);
        }
        return AiConfiguration.create(properties, http, RestClient.builder());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}

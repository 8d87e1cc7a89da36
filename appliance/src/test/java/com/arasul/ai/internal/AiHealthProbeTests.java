package com.arasul.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ai.AiServiceHealth;
import com.arasul.ai.StandInOllama;
import com.arasul.ai.StandInOllama.Script;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The health probe: healthy only when the default model is on disk and a minimal prompt comes back in time. */
class AiHealthProbeTests {

    @TempDir
    Path data;

    private final StandInOllama ollama = new StandInOllama();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private HttpClient http;
    private LlmGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
        http.close();
        ollama.close();
    }

    @Test
    void modelOnDiskThatAnswersQuicklyIsHealthy() {
        ollama.answer("GET", "/api/version", 200, "version.json").answer("GET", "/api/tags", 200, "tags.json")
                .stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks("llama3:latest")));

        AiServiceHealth health = probe("llama3:latest").probeLlm();

        assertThat(health.healthy()).as(health.reason()).isTrue();
        assertThat(health.latencyMillis()).isNotNull();
    }

    @Test
    void defaultModelMissingFromDiskIsUnhealthyAndSaysWhich() {
        ollama.answer("GET", "/api/version", 200, "version.json").answer("GET", "/api/tags", 200, "tags.json");

        AiServiceHealth health = probe("mistral:7b").probeLlm();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).contains("'mistral:7b'");
    }

    @Test
    void promptSlowerThanTheSmokeFigureIsUnhealthy() {
        ollama.answer("GET", "/api/version", 200, "version.json").answer("GET", "/api/tags", 200, "tags.json")
                .stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks("llama3:latest"))
                        .firstByteAfter(Duration.ofSeconds(3)));

        AiServiceHealth health = probe("llama3:latest").probeLlm();

        assertThat(health.healthy()).isFalse();
    }

    @Test
    void localEmbeddingsThatWereNeverUsedAreNotLoadedByTheProbe() {
        ollama.answer("GET", "/api/version", 200, "version.json");
        AiHealthProbe probe = probe("llama3:latest");

        assertThat(probe.probeEmbeddings()).isNull();
    }

    private AiHealthProbe probe(String defaultModel) {
        AiProperties ai = new AiProperties(ollama.url(), URI.create("http://127.0.0.1:1"), defaultModel, "",
                Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(10));
        GatewayProperties properties = new GatewayProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, 0,
                Duration.ofMillis(100), 100, Duration.ofMinutes(5), Duration.ofMillis(1500));
        JsonMapper json = JsonMapper.builder().build();
        http = AiConfiguration.newHttpClient(ai);
        // no database here: the default model is the configured one
        AiSettings settings = new AiSettings(null) {
            @Override
            java.util.Optional<String> get(String name) {
                return java.util.Optional.empty();
            }
        };
        gateway = new LlmGateway(ai, properties, http, json, settings, events::add);
        EmbeddingService embeddings = new EmbeddingService(new LocalEmbeddings(data), new EmbeddingProperties("", "x", 100, 8192));
        return new AiHealthProbe(gateway, embeddings, properties, events::add);
    }
}

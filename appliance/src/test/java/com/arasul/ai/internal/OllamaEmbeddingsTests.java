package com.arasul.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.ai.StandInOllama;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedding-service provider ({@code ARASUL_EMBEDDING_URL}) against the stand-in speaking Ollama's
 * {@code POST /api/embed}: Ollama's vectors come back L2-normalised, and its failures are sentences.
 */
class OllamaEmbeddingsTests {

    private final StandInOllama ollama = new StandInOllama();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = AiConfiguration.newHttpClient(properties(ollama.url()));

    @AfterEach
    void stop() {
        ollama.close();
        http.close();
    }

    @Test
    void vectorsOfTheEmbeddingServiceAreUnitLengthAndNamedByProvider() {
        ollama.answer("POST", "/api/embed", 200, "embed.json");

        EmbeddingService.Result result = service(ollama.url()).embed(List.of("Why is the sky blue?"), null);

        assertThat(result.provider()).isEqualTo("ollama");
        assertThat(result.model()).isEqualTo("all-minilm");
        assertThat(result.dimensions()).isEqualTo(10);
        double norm = 0;
        for (float value : result.embeddings().getFirst()) {
            norm += value * value;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        JsonNode sent = json.readTree(ollama.requests("POST", "/api/embed").getFirst().body());
        assertThat(sent.get("model").asString()).isEqualTo("all-minilm");
        assertThat(sent.get("input").get(0).asString()).isEqualTo("Why is the sky blue?");
    }

    @Test
    void unknownEmbeddingModelIsNotFoundNamingIt() {
        ollama.answer("POST", "/api/embed", 404, "error-model-not-found.json");

        assertThatThrownBy(() -> service(ollama.url()).embed(List.of("text"), "nomic-embed-text"))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(404);
                    assertThat(failure.getMessage()).contains("'nomic-embed-text'");
                });
    }

    @Test
    void vectorCountOtherThanTheTextCountIsABadGateway() {
        ollama.answer("POST", "/api/embed", 200, "embed.json");

        assertThatThrownBy(() -> service(ollama.url()).embed(List.of("one", "two"), null))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(502);
                    assertThat(failure.getMessage()).contains("1 vectors for 2 texts");
                });
    }

    @Test
    void embeddingServiceThatIsNotRunningIsUnavailable() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> service(URI.create("http://127.0.0.1:" + deadPort)).embed(List.of("text"), null))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.status().value()).isEqualTo(503);
                    assertThat(failure.getMessage()).isEqualTo("the embedding service is not running");
                });
    }

    private EmbeddingService service(URI url) {
        EmbeddingProperties limits = new EmbeddingProperties(url.toString(), "all-minilm", 100, 8192);
        return new EmbeddingService(new OllamaEmbeddings(url, "all-minilm", http, json, properties(url)), limits);
    }

    private static AiProperties properties(URI embeddingUrl) {
        return new AiProperties(URI.create("http://127.0.0.1:1"), embeddingUrl, "", "", Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}

package com.arasul.ai.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedding service, through Ollama's {@code POST /api/embed}. */
final class OllamaEmbeddings implements EmbeddingProvider {

    private final URI url;
    private final String model;
    private final HttpClient http;
    private final JsonMapper json;
    private final AiProperties timeouts;
    private volatile boolean used;

    OllamaEmbeddings(URI url, String model, HttpClient http, JsonMapper json, AiProperties timeouts) {
        this.url = url;
        this.model = model;
        this.http = http;
        this.json = json;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return "ollama";
    }

    @Override
    public String defaultModel() {
        return model;
    }

    @Override
    public boolean loaded() {
        return used;
    }

    @Override
    public List<float[]> embed(List<String> texts, String model) {
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/embed")).timeout(timeouts.loadTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("model", model, "input", texts))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "the embedding service is not running", null);
        } catch (HttpTimeoutException e) {
            throw new LlmFailure(HttpStatus.GATEWAY_TIMEOUT, "the embedding service did not answer within "
                    + timeouts.loadTimeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new LlmFailure(HttpStatus.BAD_GATEWAY, "the embedding service broke off the connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "the appliance is shutting down");
        }
        if (response.statusCode() == 404) {
            throw new LlmFailure(HttpStatus.NOT_FOUND, "the embedding model '" + model + "' is not on the box");
        }
        if (response.statusCode() >= 300) {
            throw new LlmFailure(HttpStatus.BAD_GATEWAY, "the embedding service refused the request (HTTP "
                    + response.statusCode() + ")");
        }
        JsonNode answer = json.readTree(response.body());
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode embedding : answer.path("embeddings")) {
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            vectors.add(vector);
        }
        if (vectors.size() != texts.size()) {
            throw new LlmFailure(HttpStatus.BAD_GATEWAY, "the embedding service answered " + vectors.size()
                    + " vectors for " + texts.size() + " texts");
        }
        used = true;
        return vectors;
    }
}

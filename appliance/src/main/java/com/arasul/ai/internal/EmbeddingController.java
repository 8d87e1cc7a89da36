package com.arasul.ai.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Embeddings for integrations, from whichever provider the box is configured with. */
@RestController
class EmbeddingController {

    record Embeddings(String model, String provider, int dimensions, java.util.List<float[]> embeddings,
            Instant timestamp) {
    }

    private final EmbeddingService embeddings;
    private final AiHealthProbe health;

    EmbeddingController(EmbeddingService embeddings, AiHealthProbe health) {
        this.embeddings = embeddings;
        this.health = health;
    }

    @Operation(summary = "Embed a text or a list of texts; L2-normalised vectors")
    @PostMapping("/api/embeddings")
    Embeddings embed(@RequestBody JsonNode request) {
        String model = request.hasNonNull("model") ? request.get("model").asString() : null;
        EmbeddingService.Result result = embeddings.embed(EmbeddingService.inputs(request.get("input")), model);
        return new Embeddings(result.model(), result.provider(), result.dimensions(), result.embeddings(), Instant.now());
    }

    @Operation(summary = "The embedding provider, its model, limits and last health probe")
    @GetMapping("/api/services/embedding/info")
    Map<String, Object> info() {
        EmbeddingProvider provider = embeddings.provider();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("provider", provider.name());
        info.put("model", provider.defaultModel());
        info.put("dimensions", provider instanceof LocalEmbeddings ? LocalEmbeddings.DIMENSIONS : null);
        info.put("loaded", provider.loaded());
        info.put("max_batch", embeddings.properties().maxBatch());
        info.put("max_text_length", embeddings.properties().maxTextLength());
        info.put("health", health.embeddings());
        info.put("timestamp", Instant.now());
        return info;
    }
}

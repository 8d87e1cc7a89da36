package com.arasul.ai.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Embeddings for integrations ({@code /api/embeddings}, {@code /v1/embeddings}).
 *
 * @param url the embedding service speaking Ollama's API ({@code ARASUL_EMBEDDING_URL}); blank: the
 *     appliance embeds by itself with the bundled all-MiniLM-L6-v2
 * @param model the embedding service's model when a request names none
 * @param maxBatch texts per request
 * @param maxTextLength characters per text
 */
@Validated
@ConfigurationProperties("arasul.ai.embedding")
record EmbeddingProperties(
        @DefaultValue("") String url,
        @DefaultValue("nomic-embed-text") String model,
        @Min(1) @Max(10_000) @DefaultValue("100") int maxBatch,
        @Min(1) @Max(1_000_000) @DefaultValue("8192") int maxTextLength) {

    boolean local() {
        return url == null || url.isBlank();
    }
}

package com.arasul.ai.internal;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the AI services answer and how long the appliance waits for them.
 *
 * @param llmUrl the Ollama LLM service
 * @param embeddingUrl the embedding service, speaking the same API
 * @param defaultModel the model preloaded after a reset; blank means none
 * @param defaultEmbeddingModel the embedding model preloaded after a reset; blank means none
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer to a quick call (status, unload)
 * @param loadTimeout how long to wait for a model to be loaded into memory, which reads gigabytes
 */
@Validated
@ConfigurationProperties("arasul.ai")
public record AiProperties(
        @NotNull @DefaultValue("http://localhost:11434") URI llmUrl,
        @NotNull @DefaultValue("http://localhost:11435") URI embeddingUrl,
        @DefaultValue("llama3.1:8b") String defaultModel,
        @DefaultValue("") String defaultEmbeddingModel,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("5s") Duration readTimeout,
        @NotNull @DefaultValue("120s") Duration loadTimeout) {
}

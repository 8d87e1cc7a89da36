package com.arasul.ai.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM gateway ({@code /api/llm}, {@code /v1}) in front of Ollama.
 *
 * @param firstByteTimeout how long the first chunk may take: long enough to load a model from disk
 * @param idleTimeout longest silence between two chunks of one answer
 * @param maxInFlight requests passed to Ollama at once; the GPU serves them one after another anyway
 * @param queue requests that may wait for a free place; more are answered 503
 * @param queueWait how long a request waits for a place before it is answered 503
 * @param requestsPerSecond the seeds' LLM rate limit over all callers; more are answered 429
 * @param healthInterval how often the LLM is probed with a minimal prompt (gently: it costs GPU time)
 * @param healthPromptTimeout the seeds' smoke figure: a minimal prompt must be answered within it
 */
@Validated
@ConfigurationProperties("arasul.ai.gateway")
record GatewayProperties(
        @NotNull @DefaultValue("120s") Duration firstByteTimeout,
        @NotNull @DefaultValue("60s") Duration idleTimeout,
        @Min(1) @Max(64) @DefaultValue("2") int maxInFlight,
        @Min(0) @Max(256) @DefaultValue("4") int queue,
        @NotNull @DefaultValue("30s") Duration queueWait,
        @Min(1) @DefaultValue("10") int requestsPerSecond,
        @NotNull @DefaultValue("5m") Duration healthInterval,
        @NotNull @DefaultValue("2s") Duration healthPromptTimeout) {
}

package com.arasul.ai.internal;

import com.arasul.ai.AiServiceHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Probes the AI services at a gentle interval. The LLM is healthy when it answers, the default model
 * is on disk and a minimal prompt (one token) comes back within the smoke figure; the embeddings are
 * healthy when a vector comes back within 50 ms. Each finding is published for the healing rules.
 */
@Component
class AiHealthProbe {

    static final String LLM = "llm-service";
    static final long EMBEDDING_BUDGET_MILLIS = 50;

    private static final Logger log = LoggerFactory.getLogger(AiHealthProbe.class);

    private final LlmGateway gateway;
    private final EmbeddingService embeddings;
    private final GatewayProperties properties;
    private final ApplicationEventPublisher events;
    private volatile AiServiceHealth llm;
    private volatile AiServiceHealth embedding;

    AiHealthProbe(LlmGateway gateway, EmbeddingService embeddings, GatewayProperties properties,
            ApplicationEventPublisher events) {
        this.gateway = gateway;
        this.embeddings = embeddings;
        this.properties = properties;
        this.events = events;
    }

    AiServiceHealth llm() {
        return llm;
    }

    AiServiceHealth embeddings() {
        return embedding;
    }

    @Scheduled(initialDelayString = "${arasul.ai.gateway.health-interval:5m}",
            fixedDelayString = "${arasul.ai.gateway.health-interval:5m}")
    void probe() {
        publish(llm = probeLlm());
        AiServiceHealth probed = probeEmbeddings();
        if (probed != null) {
            publish(embedding = probed);
        }
    }

    AiServiceHealth probeLlm() {
        String model = gateway.defaultModel();
        long started = System.nanoTime();
        try {
            gateway.call("GET", "/api/version", null);
            boolean onDisk = false;
            for (JsonNode tag : gateway.call("GET", "/api/tags", null).path("models")) {
                onDisk |= model.equals(tag.path("name").asString()) || model.equals(tag.path("model").asString());
            }
            if (!onDisk) {
                return new AiServiceHealth(LLM, false, "the default model '" + model + "' is not on the box", null,
                        Instant.now());
            }
            long prompt = System.nanoTime();
            gateway.call("POST", "/api/chat", Map.of("model", model, "stream", false,
                    "messages", List.of(Map.of("role", "user", "content", "Say OK.")), "options", Map.of("num_predict", 1)),
                    properties.healthPromptTimeout());
            long millis = (System.nanoTime() - prompt) / 1_000_000;
            return new AiServiceHealth(LLM, true, "answers a minimal prompt with " + model + " in " + millis + " ms",
                    millis, Instant.now());
        } catch (LlmFailure failure) {
            return new AiServiceHealth(LLM, false, failure.getMessage(), null, Instant.now());
        } catch (RuntimeException e) {
            return new AiServiceHealth(LLM, false, "answered something that is not Ollama's JSON", null, Instant.now());
        } finally {
            log.debug("LLM probe took {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Null while the local model is not loaded: a probe must not load it. */
    AiServiceHealth probeEmbeddings() {
        EmbeddingProvider provider = embeddings.provider();
        String service = provider instanceof LocalEmbeddings ? "local-embeddings" : "embedding-service";
        if (provider instanceof LocalEmbeddings && !provider.loaded()) {
            return null;
        }
        long started = System.nanoTime();
        try {
            embeddings.embed(List.of("health"), null);
            long millis = (System.nanoTime() - started) / 1_000_000;
            boolean fast = millis <= EMBEDDING_BUDGET_MILLIS;
            return new AiServiceHealth(service, fast, fast ? "a vector in " + millis + " ms"
                    : "a vector took " + millis + " ms, more than " + EMBEDDING_BUDGET_MILLIS + " ms", millis, Instant.now());
        } catch (LlmFailure failure) {
            return new AiServiceHealth(service, false, failure.getMessage(), null, Instant.now());
        }
    }

    private void publish(AiServiceHealth health) {
        if (!health.healthy()) {
            log.warn("{} is unhealthy: {}", health.service(), health.reason());
        }
        events.publishEvent(health);
    }
}

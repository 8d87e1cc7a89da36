package com.arasul.ai.internal;

import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricNames;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Both AI services at a glance for the dashboard: state, version, models, memory, GPU and last probes. */
@RestController
class AiStatusController {

    private final LlmGateway gateway;
    private final EmbeddingService embeddings;
    private final AiHealthProbe health;
    private final LiveMetrics metrics;

    AiStatusController(LlmGateway gateway, EmbeddingService embeddings, AiHealthProbe health, LiveMetrics metrics) {
        this.gateway = gateway;
        this.embeddings = embeddings;
        this.health = health;
        this.metrics = metrics;
    }

    @Operation(summary = "The LLM and embedding services: state, version, models on disk and in memory, GPU, last probe")
    @GetMapping("/api/services/ai")
    Map<String, Object> status() {
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("url", gateway.where());
        llm.put("default_model", gateway.defaultModel());
        try {
            llm.put("version", gateway.call("GET", "/api/version", null).path("version").asString(null));
            llm.put("state", "running");
            llm.put("models", ModelController.ModelList.of(gateway));
        } catch (LlmFailure failure) {
            llm.put("state", "unavailable");
            llm.put("problem", failure.getMessage());
        }
        llm.put("in_flight", gateway.inFlight());
        llm.put("health", health.llm());
        Map<String, Object> embedding = new LinkedHashMap<>();
        embedding.put("provider", embeddings.provider().name());
        embedding.put("model", embeddings.provider().defaultModel());
        embedding.put("loaded", embeddings.provider().loaded());
        embedding.put("health", health.embeddings());
        Map<String, Object> gpu = new LinkedHashMap<>();
        metrics.latest().ifPresent(sample -> {
            gpu.put("percent", sample.value(MetricNames.GPU_PERCENT).orElse(null));
            gpu.put("memory_used_mb", sample.value(MetricNames.GPU_MEMORY_USED_MB).orElse(null));
            gpu.put("memory_total_mb", sample.value(MetricNames.GPU_MEMORY_TOTAL_MB).orElse(null));
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("llm", llm);
        answer.put("embeddings", embedding);
        answer.put("gpu", gpu);
        answer.put("timestamp", Instant.now());
        return answer;
    }
}

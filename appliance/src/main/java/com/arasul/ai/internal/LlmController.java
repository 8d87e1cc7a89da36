package com.arasul.ai.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Chat with the language model in Ollama's own format, streamed as server-sent events by default. */
@RestController
class LlmController {

    record DefaultModel(@NotBlank @Size(max = 200) String model) {
    }

    private final LlmGateway gateway;
    private final JsonMapper json;

    LlmController(LlmGateway gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @Operation(summary = "Chat with the language model (Ollama's /api/chat); server-sent events (chunk, done, error) "
            + "unless stream is false")
    @PostMapping("/api/llm/chat")
    void chat(@RequestBody ObjectNode request, HttpServletResponse response) throws IOException {
        if (!request.path("messages").isArray() || request.path("messages").isEmpty()) {
            throw new LlmFailure(HttpStatus.BAD_REQUEST, "messages must be a non-empty list of {role, content}");
        }
        boolean stream = request.path("stream").asBoolean(true);
        try (Upstream upstream = gateway.chat(request)) {
            if (!stream) {
                ObjectNode answer = ChatAnswer.collect(upstream, json);
                response.setContentType("application/json");
                json.writeValue(response.getOutputStream(), answer);
                return;
            }
            EventStream events = EventStream.open(response);
            try {
                JsonNode last = ChatAnswer.stream(upstream, json, chunk -> {
                    if (!chunk.path("done").asBoolean(false)) {
                        events.send("chunk", json.writeValueAsString(chunk));
                    }
                });
                events.send("done", json.writeValueAsString(last));
            } catch (LlmFailure failure) {
                events.send("error", json.writeValueAsString(Map.of("error", failure.getMessage(),
                        "status", failure.status().value())));
            }
        }
    }

    @Operation(summary = "The default language model, used when a request names none")
    @GetMapping("/api/services/llm/default-model")
    Map<String, Object> defaultModel() {
        return Map.of("model", gateway.defaultModel(), "timestamp", Instant.now());
    }

    @Operation(summary = "Set the default language model (stored in the database)")
    @PutMapping("/api/services/llm/default-model")
    Map<String, Object> setDefaultModel(@Valid @RequestBody DefaultModel model) {
        gateway.setDefaultModel(model.model().strip());
        return Map.of("model", gateway.defaultModel(), "timestamp", Instant.now());
    }
}

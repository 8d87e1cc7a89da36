package com.arasul.ai.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The language models on the box: list, details, pull (a job of the appliance) and delete. */
@RestController
class ModelController {

    record PullRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:/-]+",
            message = "a model name has letters, digits and . _ : / - only") String model) {
    }

    /** Each watcher holds a request thread while it watches: a few are plenty for one owner. */
    private static final int MAX_WATCHERS = 8;

    private static final Logger log = LoggerFactory.getLogger(ModelController.class);

    private final LlmGateway gateway;
    private final ModelPulls pulls;
    private final JsonMapper json;
    private final Semaphore watchers = new Semaphore(MAX_WATCHERS);

    ModelController(LlmGateway gateway, ModelPulls pulls, JsonMapper json) {
        this.gateway = gateway;
        this.pulls = pulls;
        this.json = json;
    }

    @Operation(summary = "The models on disk: size, family, parameters, quantization, modified, loaded and VRAM")
    @GetMapping("/api/services/llm/models")
    Map<String, Object> models() {
        return Map.of("models", ModelList.of(gateway), "default_model", gateway.defaultModel(),
                "timestamp", Instant.now());
    }

    @Operation(summary = "Details of one model (Ollama's /api/show)")
    @GetMapping("/api/services/llm/models/{name}")
    JsonNode model(@PathVariable String name) {
        try {
            return gateway.call("POST", "/api/show", Map.of("model", name));
        } catch (LlmFailure failure) {
            throw failure.status() == HttpStatus.NOT_FOUND ? LlmFailure.modelNotFound(name) : failure;
        }
    }

    @Operation(summary = "Start pulling a model; one pull at a time, it goes on when the browser is closed")
    @PostMapping("/api/services/llm/models/pull")
    ResponseEntity<ModelPulls.Pull> pull(@Valid @RequestBody PullRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(pulls.start(request.model()));
    }

    @Operation(summary = "The current or last pull: state, status, bytes and percent")
    @GetMapping("/api/services/llm/models/pull")
    Map<String, Object> currentPull() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("pull", pulls.current());
        answer.put("timestamp", Instant.now());
        return answer;
    }

    @Operation(summary = "Cancel the running pull")
    @DeleteMapping("/api/services/llm/models/pull")
    ResponseEntity<?> cancelPull() {
        if (!pulls.cancel()) {
            throw new LlmFailure(HttpStatus.NOT_FOUND, "no pull is running");
        }
        return ResponseEntity.ok(Map.of("cancelled", true, "timestamp", Instant.now()));
    }

    @Operation(summary = "Pull progress as server-sent events (event: progress) while the page watches, "
            + "including pulls started later")
    @GetMapping(value = "/api/services/llm/models/pull/events", produces = "text/event-stream")
    void pullEvents(HttpServletResponse response) {
        if (!watchers.tryAcquire()) {
            throw new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "too many watchers of the pull; close one",
                    java.time.Duration.ofSeconds(5));
        }
        try {
            EventStream events = EventStream.open(response);
            ModelPulls.Pull seen = pulls.current();
            events.send("progress", json.writeValueAsString(seen == null ? Map.of("state", "none") : seen));
            // open until the client leaves (a write fails); a quiet pull is re-sent every 15 s, which is
            // also how a client that went away without a word is noticed
            while (!Thread.currentThread().isInterrupted()) {
                ModelPulls.Pull now = pulls.awaitChange(seen, 15_000);
                events.send("progress", json.writeValueAsString(now == null ? Map.of("state", "none") : now));
                seen = now;
            }
        } catch (IOException gone) {
            // every closed AI page ends its watch this way: normal on an unattended box, nothing to report
            log.debug("A watcher of the pull left: {}", gone.toString());
        } catch (InterruptedException stopping) {
            // the appliance is shutting down: the stream ends with it, as quietly
            Thread.currentThread().interrupt();
        } finally {
            watchers.release();
        }
    }

    @Operation(summary = "Delete a model from disk; the default model only with confirm_default=true")
    @DeleteMapping("/api/services/llm/models/{name}")
    Map<String, Object> delete(@PathVariable String name,
            @RequestParam(name = "confirm_default", defaultValue = "false") boolean confirmDefault) {
        if (name.equals(gateway.defaultModel()) && !confirmDefault) {
            throw new LlmFailure(HttpStatus.CONFLICT, "'" + name + "' is the default model; to delete it anyway add "
                    + "confirm_default=true, and choose another default");
        }
        try {
            gateway.call("DELETE", "/api/delete", Map.of("model", name));
        } catch (LlmFailure failure) {
            throw failure.status() == HttpStatus.NOT_FOUND ? LlmFailure.modelNotFound(name) : failure;
        }
        return Map.of("deleted", name, "timestamp", Instant.now());
    }

    /** Models on disk joined with the ones in memory. */
    static final class ModelList {

        private ModelList() {
        }

        static List<Map<String, Object>> of(LlmGateway gateway) {
            Map<String, JsonNode> loaded = new LinkedHashMap<>();
            gateway.call("GET", "/api/ps", null).path("models").forEach(m -> loaded.put(m.path("name").asString(), m));
            List<Map<String, Object>> models = new java.util.ArrayList<>();
            for (JsonNode model : gateway.call("GET", "/api/tags", null).path("models")) {
                String name = model.path("name").asString();
                JsonNode details = model.path("details");
                JsonNode inMemory = loaded.get(name);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("size", model.path("size").asLong());
                row.put("family", details.path("family").asString(null));
                row.put("parameters", details.path("parameter_size").asString(null));
                row.put("quantization", details.path("quantization_level").asString(null));
                row.put("modified", model.path("modified_at").asString(null));
                row.put("loaded", inMemory != null);
                row.put("vram", inMemory == null ? null : inMemory.path("size_vram").asLong());
                models.add(row);
            }
            return models;
        }
    }
}

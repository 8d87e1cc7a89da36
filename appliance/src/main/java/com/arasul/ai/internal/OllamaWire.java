package com.arasul.ai.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** Ollama's JSON, as documented in its {@code docs/api.md}; only the fields the appliance reads. */
final class OllamaWire {

    private OllamaWire() {
    }

    /** {@code POST /api/generate} without a prompt: loads the model, or unloads it with {@code keep_alive: 0}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GenerateRequest(String model, @JsonProperty("keep_alive") Integer keepAlive) {

        static GenerateRequest load(String model) {
            return new GenerateRequest(model, null);
        }

        static GenerateRequest unload(String model) {
            return new GenerateRequest(model, 0);
        }
    }

    /** {@code POST /api/embed}: an embedding model is loaded by embedding something. */
    record EmbedRequest(String model, String input) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GenerateResponse(String model, boolean done, @JsonProperty("done_reason") String doneReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VersionResponse(String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorResponse(String error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PsResponse(List<RunningModel> models) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RunningModel(String name, String model, long size, @JsonProperty("size_vram") long sizeVram,
            @JsonProperty("expires_at") Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TagsResponse(List<LocalModel> models) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LocalModel(String name, long size, @JsonProperty("modified_at") Instant modifiedAt, Details details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Details(@JsonProperty("parameter_size") String parameterSize,
            @JsonProperty("quantization_level") String quantizationLevel) {
    }
}

package com.arasul.ai.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI-compatible face of the box, so n8n's OpenAI nodes, LangChain and every OpenAI client
 * work with a base URL ({@code http://box/v1}) and an API key.
 */
@RestController
class OpenAiController {

    private final LlmGateway gateway;
    private final EmbeddingService embeddings;
    private final JsonMapper json;
    private final OpenAiTranslation translation;

    OpenAiController(LlmGateway gateway, EmbeddingService embeddings, JsonMapper json) {
        this.gateway = gateway;
        this.embeddings = embeddings;
        this.json = json;
        this.translation = new OpenAiTranslation(json);
    }

    @Operation(summary = "OpenAI-compatible chat completion, streamed (SSE ending data: [DONE]) when stream is true")
    @PostMapping("/v1/chat/completions")
    void chatCompletions(@RequestBody ObjectNode request, HttpServletResponse response) throws IOException {
        if (!request.path("messages").isArray() || request.path("messages").isEmpty()) {
            throw new LlmFailure(HttpStatus.BAD_REQUEST, "messages must be a non-empty list of {role, content}");
        }
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        try (Upstream upstream = gateway.chat(translation.toOllama(request))) {
            if (!request.path("stream").asBoolean(false)) {
                ObjectNode completion = translation.completion(ChatAnswer.collect(upstream, json), id, created);
                response.setContentType("application/json");
                json.writeValue(response.getOutputStream(), completion);
                return;
            }
            EventStream events = EventStream.open(response);
            boolean[] first = {true};
            try {
                ChatAnswer.stream(upstream, json, chunk -> {
                    events.send(null, json.writeValueAsString(translation.chunk(chunk, id, created, first[0])));
                    first[0] = false;
                });
            } catch (LlmFailure failure) {
                events.send(null, json.writeValueAsString(failure.toOpenAi()));
            }
            events.send(null, "[DONE]");
        }
    }

    @Operation(summary = "OpenAI-compatible embeddings (float or base64 encoding)")
    @PostMapping("/v1/embeddings")
    ObjectNode embeddings(@RequestBody JsonNode request) {
        List<String> input = EmbeddingService.inputs(request.get("input"));
        String model = request.hasNonNull("model") ? request.get("model").asString() : null;
        EmbeddingService.Result result = embeddings.embed(input, model);
        boolean base64 = "base64".equals(request.path("encoding_format").asString("float"));
        ObjectNode answer = json.createObjectNode().put("object", "list").put("model", result.model());
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < result.embeddings().size(); i++) {
            float[] vector = result.embeddings().get(i);
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
        }
        int tokens = input.stream().mapToInt(text -> text.split("\\s+").length).sum();
        answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return answer;
    }

    @Operation(summary = "OpenAI-compatible list of the language models on the box")
    @GetMapping("/v1/models")
    ObjectNode models() {
        ObjectNode answer = json.createObjectNode().put("object", "list");
        ArrayNode data = answer.putArray("data");
        List<JsonNode> models = new ArrayList<>();
        gateway.call("GET", "/api/tags", null).path("models").forEach(models::add);
        for (JsonNode model : models) {
            Instant modified = parse(model.path("modified_at").asString(null));
            data.addObject().put("id", model.path("name").asString()).put("object", "model")
                    .put("created", modified == null ? 0 : modified.getEpochSecond()).put("owned_by", "library");
        }
        return answer;
    }

    private static Instant parse(String time) {
        try {
            return time == null ? null : java.time.OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String base64(float[] vector) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(vector.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}

package com.arasul.ai.internal;

import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one streamed {@code /api/chat} answer chunk by chunk. Ollama reports a failure in the middle
 * of a stream as an {@code {"error": ...}} line while the HTTP status stays 200: that becomes an
 * {@link LlmFailure}, never a silently shorter answer.
 */
final class ChatAnswer {

    /** What to do with each chunk as it arrives. */
    interface Chunks {
        void chunk(JsonNode chunk) throws IOException;
    }

    private ChatAnswer() {
    }

    /** Hands every chunk on until the final one ({@code done: true}), which it answers. */
    static JsonNode stream(Upstream upstream, JsonMapper json, Chunks chunks) throws IOException {
        String line;
        while ((line = upstream.nextLine()) != null) {
            JsonNode chunk = json.readTree(line);
            if (chunk.hasNonNull("error")) {
                throw new LlmFailure(org.springframework.http.HttpStatus.BAD_GATEWAY,
                        "the language model failed while answering: " + chunk.get("error").asString());
            }
            boolean done = chunk.path("done").asBoolean(false);
            if (done) {
                upstream.answered();
            }
            chunks.chunk(chunk);
            if (done) {
                return chunk;
            }
        }
        throw new LlmFailure(org.springframework.http.HttpStatus.BAD_GATEWAY,
                "the language model ended its answer without finishing it");
    }

    /** The whole answer as one {@code /api/chat} response: the final chunk with every chunk's content. */
    static ObjectNode collect(Upstream upstream, JsonMapper json) throws IOException {
        StringBuilder content = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        ArrayNode toolCalls = json.createArrayNode();
        JsonNode last = stream(upstream, json, chunk -> {
            JsonNode message = chunk.path("message");
            content.append(message.path("content").asString(""));
            thinking.append(message.path("thinking").asString(""));
            if (message.path("tool_calls").isArray()) {
                toolCalls.addAll((ArrayNode) message.get("tool_calls"));
            }
        });
        ObjectNode answer = ((ObjectNode) last).deepCopy();
        ObjectNode message = json.createObjectNode().put("role", "assistant").put("content", content.toString());
        if (!thinking.isEmpty()) {
            message.put("thinking", thinking.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        answer.set("message", message);
        return answer;
    }
}

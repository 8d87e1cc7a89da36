package com.arasul.ai.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's chat format to Ollama's and back. The differences that matter: sampling settings sit in
 * {@code options} at Ollama, and a tool call's arguments are a JSON <em>string</em> at OpenAI but an
 * object at Ollama.
 */
final class OpenAiTranslation {

    private static final Map<String, String> OPTIONS = Map.of("temperature", "temperature", "top_p", "top_p",
            "max_tokens", "num_predict", "max_completion_tokens", "num_predict", "stop", "stop", "seed", "seed",
            "frequency_penalty", "frequency_penalty", "presence_penalty", "presence_penalty");

    private final JsonMapper json;

    OpenAiTranslation(JsonMapper json) {
        this.json = json;
    }

    ObjectNode toOllama(JsonNode openAi) {
        ObjectNode request = json.createObjectNode();
        if (openAi.hasNonNull("model")) {
            request.put("model", openAi.get("model").asString());
        }
        ArrayNode messages = request.putArray("messages");
        for (JsonNode message : openAi.path("messages")) {
            messages.add(message(message));
        }
        ObjectNode options = json.createObjectNode();
        OPTIONS.forEach((from, to) -> {
            JsonNode value = openAi.get(from);
            if (value != null && !value.isNull()) {
                options.set(to, from.equals("stop") && value.isString() ? json.createArrayNode().add(value) : value);
            }
        });
        if (!options.isEmpty()) {
            request.set("options", options);
        }
        if (openAi.path("tools").isArray()) {
            request.set("tools", openAi.get("tools"));
        }
        JsonNode format = openAi.path("response_format");
        if ("json_object".equals(format.path("type").asString(""))) {
            request.put("format", "json");
        } else if ("json_schema".equals(format.path("type").asString(""))) {
            request.set("format", format.path("json_schema").path("schema"));
        }
        return request;
    }

    private ObjectNode message(JsonNode message) {
        ObjectNode out = json.createObjectNode().put("role", message.path("role").asString("user"));
        JsonNode content = message.path("content");
        if (content.isArray()) {
            // content parts: the text parts joined; images are not passed on
            StringBuilder text = new StringBuilder();
            content.forEach(part -> text.append(part.path("text").asString("")));
            out.put("content", text.toString());
        } else {
            out.put("content", content.asString(""));
        }
        if (message.path("tool_calls").isArray()) {
            ArrayNode calls = out.putArray("tool_calls");
            for (JsonNode call : message.get("tool_calls")) {
                JsonNode arguments = call.path("function").path("arguments");
                calls.addObject().putObject("function")
                        .put("name", call.path("function").path("name").asString())
                        .set("arguments", arguments.isString() ? json.readTree(arguments.asString()) : arguments);
            }
        }
        if (message.hasNonNull("tool_call_id")) {
            out.put("tool_call_id", message.get("tool_call_id").asString());
        }
        if (message.hasNonNull("name")) {
            out.put("tool_name", message.get("name").asString());
        }
        return out;
    }

    /** A whole answer as a {@code chat.completion}. */
    ObjectNode completion(JsonNode answer, String id, long created) {
        ObjectNode completion = json.createObjectNode().put("id", id).put("object", "chat.completion")
                .put("created", created).put("model", answer.path("model").asString());
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant")
                .put("content", answer.path("message").path("content").asString(""));
        ArrayNode calls = toolCalls(answer.path("message").path("tool_calls"), id);
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        choice.put("finish_reason", finishReason(answer, !calls.isEmpty()));
        long prompt = answer.path("prompt_eval_count").asLong(0);
        long completionTokens = answer.path("eval_count").asLong(0);
        completion.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completionTokens)
                .put("total_tokens", prompt + completionTokens);
        return completion;
    }

    /** One streamed chunk as a {@code chat.completion.chunk}; the final one carries the finish reason. */
    ObjectNode chunk(JsonNode chunk, String id, long created, boolean first) {
        ObjectNode out = json.createObjectNode().put("id", id).put("object", "chat.completion.chunk")
                .put("created", created).put("model", chunk.path("model").asString());
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (first) {
            delta.put("role", "assistant");
        }
        String content = chunk.path("message").path("content").asString("");
        if (!content.isEmpty() || !chunk.path("done").asBoolean(false)) {
            delta.put("content", content);
        }
        ArrayNode calls = toolCalls(chunk.path("message").path("tool_calls"), id);
        if (!calls.isEmpty()) {
            for (int i = 0; i < calls.size(); i++) {
                ((ObjectNode) calls.get(i)).put("index", i);
            }
            delta.set("tool_calls", calls);
        }
        if (chunk.path("done").asBoolean(false)) {
            choice.put("finish_reason", finishReason(chunk, false));
        } else {
            choice.putNull("finish_reason");
        }
        return out;
    }

    private ArrayNode toolCalls(JsonNode ollamaCalls, String id) {
        ArrayNode calls = json.createArrayNode();
        int index = 0;
        for (JsonNode call : ollamaCalls) {
            JsonNode arguments = call.path("function").path("arguments");
            ObjectNode out = calls.addObject().put("id", "call_" + id.substring(Math.max(0, id.length() - 8)) + "_" + index++)
                    .put("type", "function");
            out.putObject("function").put("name", call.path("function").path("name").asString())
                    .put("arguments", arguments.isString() ? arguments.asString() : json.writeValueAsString(arguments));
        }
        return calls;
    }

    private static String finishReason(JsonNode answer, boolean toolCalls) {
        if (toolCalls) {
            return "tool_calls";
        }
        return "length".equals(answer.path("done_reason").asString("")) ? "length" : "stop";
    }
}

package com.arasul.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's chat shape and Ollama's: options moved, tool-call arguments a string on one side, an object on the other. */
class OpenAiTranslationTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final OpenAiTranslation translation = new OpenAiTranslation(json);

    @Test
    void toolCallArgumentsStringBecomesAnObjectForOllama() {
        JsonNode openAi = json.readTree("""
                {"model":"llama3.2","temperature":0.2,"max_tokens":50,"stop":"END","messages":[
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Tokyo\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"sunny"}]}""");

        ObjectNode ollama = translation.toOllama(openAi);

        JsonNode arguments = ollama.at("/messages/0/tool_calls/0/function/arguments");
        assertThat(arguments.isObject()).isTrue();
        assertThat(arguments.get("city").asString()).isEqualTo("Tokyo");
        assertThat(ollama.at("/options/temperature").asDouble()).isEqualTo(0.2);
        assertThat(ollama.at("/options/num_predict").asInt()).isEqualTo(50);
        assertThat(ollama.at("/options/stop/0").asString()).isEqualTo("END");
        assertThat(ollama.at("/messages/1/role").asString()).isEqualTo("tool");
    }

    @Test
    void toolCallArgumentsObjectBecomesAStringForOpenAi() {
        JsonNode answer = json.readTree("""
                {"model":"llama3.2","done":true,"done_reason":"stop","prompt_eval_count":10,"eval_count":5,
                 "message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather",
                 "arguments":{"city":"Tokyo"}}}]}}""");

        ObjectNode completion = translation.completion(answer, "chatcmpl-abcdef123456", 1);

        JsonNode call = completion.at("/choices/0/message/tool_calls/0");
        assertThat(call.get("type").asString()).isEqualTo("function");
        assertThat(call.at("/function/arguments").isString()).isTrue();
        assertThat(json.readTree(call.at("/function/arguments").asString()).get("city").asString()).isEqualTo("Tokyo");
        assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(15);
    }

    @Test
    void lengthLimitedAnswerFinishesWithLength() {
        JsonNode last = json.readTree("""
                {"model":"llama3.2","done":true,"done_reason":"length","message":{"role":"assistant","content":""}}""");

        assertThat(translation.chunk(last, "chatcmpl-1", 1, false).at("/choices/0/finish_reason").asString())
                .isEqualTo("length");
    }
}

package com.arasul.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.ai.StandInOllama.Script;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible endpoints driven by the official OpenAI Java SDK, as n8n or a script would. */
@AiApplianceTest
class OpenAiClientTests extends AiApiTestSupport {

    @BeforeEach
    void resetStandIn() {
        ollama.reset();
    }

    @Test
    void chatCompletionAnswersThroughTheSdk() throws Exception {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "Hello", " there")));

        ChatCompletion completion = client(key("llm")).chat().completions().create(params());

        assertThat(completion.choices().getFirst().message().content()).hasValue("Hello there");
        assertThat(completion.choices().getFirst().finishReason().asString()).isEqualTo("stop");
        assertThat(completion.usage()).hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isEqualTo(2));
    }

    @Test
    void streamedChatCompletionArrivesChunkByChunk() throws Exception {
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "One", " two", " three")));

        String text;
        try (StreamResponse<ChatCompletionChunk> stream = client(key("llm")).chat().completions()
                .createStreaming(params())) {
            text = stream.stream().flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("One two three");
    }

    @Test
    void embeddingsThroughTheSdk() throws Exception {
        CreateEmbeddingResponse response = client(key("embeddings")).embeddings().create(EmbeddingCreateParams.builder()
                .model("all-minilm-l6-v2-q").input("The appliance embeds offline.").build());

        assertThat(response.data().getFirst().embedding()).hasSize(384);
    }

    @Test
    void modelsThroughTheSdk() throws Exception {
        ollama.answer("GET", "/api/tags", 200, "tags.json");

        List<Model> models = client(key("llm")).models().list().data();

        assertThat(models).extracting(Model::id).containsExactly("codellama:13b", "llama3:latest");
    }

    @Test
    void unknownModelIsRefusedInOpenAisErrorShape() throws Exception {
        ollama.answer("POST", "/api/chat", 404, "error-model-not-found.json");
        OpenAIClient client = client(key("llm"));

        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("nope:1b").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, refused -> {
                    assertThat(refused.code()).hasValue("model_not_found");
                    assertThat(refused.type()).hasValue("invalid_request_error");
                    assertThat(refused.body().toString()).contains("'nope:1b' is not on the box");
                });
    }

    @Test
    void errorInTheMiddleOfAStreamReachesTheSdkAsAnError() throws Exception {
        List<String> lines = new java.util.ArrayList<>(StandInOllama.chatChunks(MODEL, "The").subList(0, 1));
        lines.add("{\"error\":\"an error was encountered while running the model\"}");
        ollama.stream("POST", "/api/chat", Script.of(lines));

        try (StreamResponse<ChatCompletionChunk> stream = client(key("llm")).chat().completions()
                .createStreaming(params())) {
            assertThatThrownBy(() -> stream.stream().toList())
                    .hasMessageContaining("an error was encountered while running the model");
        }
    }

    @Test
    void refusalsOfTheOpenAiRoutesAreInOpenAisShapeAndTheRestOfTheApiKeepsItsOwn() throws Exception {
        assertOpenAiError(send("GET", "/v1/models", null, null), 401, "invalid_api_key");
        assertOpenAiError(send("GET", "/v1/models", key("embeddings"), null), 403, "forbidden");
        assertOpenAiError(send("GET", "/v1/no-such-route", admin(), null), 404, "not_found");
        assertOpenAiError(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key("llm")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"broken\": ")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()), 400, "bad_request");
        assertOpenAiError(send("POST", "/v1/chat/completions", key("llm"), java.util.Map.of("model", MODEL)), 400,
                "bad_request");

        java.net.http.HttpResponse<String> appliance = send("GET", "/api/services/llm/models", null, null);
        assertThat(appliance.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(appliance.body()).has("timestamp")).isTrue();
        assertThat(JSON.readTree(appliance.body()).get("path").asString()).isEqualTo("/api/services/llm/models");
    }

    @Test
    void missingOrForeignKeyIsRefused() throws Exception {
        OpenAIClient foreign = client("sk-proj-not-a-key-of-this-box");

        assertThatThrownBy(() -> foreign.models().list()).isInstanceOfSatisfying(UnauthorizedException.class,
                refused -> assertThat(refused.code()).hasValue("invalid_api_key"));
        assertThat(send("GET", "/v1/models", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/v1/chat/completions", null, java.util.Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void revokedKeyIsRefused() throws Exception {
        ollama.answer("GET", "/api/tags", 200, "tags.json");
        String key = key("llm");
        OpenAIClient client = client(key);
        assertThat(client.models().list().data()).isNotEmpty();

        revoke(key);

        assertThatThrownBy(() -> client.models().list()).isInstanceOf(UnauthorizedException.class);
    }

    private static void assertOpenAiError(java.net.http.HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        tools.jackson.databind.JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.get("code").asString()).isEqualTo(code);
    }

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(base() + "/v1").apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("Say hello").build();
    }
}

package com.arasul.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.ai.StandInOllama.Script;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
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
    void missingOrForeignKeyIsRefused() throws Exception {
        OpenAIClient foreign = client("sk-proj-not-a-key-of-this-box");

        assertThatThrownBy(() -> foreign.models().list()).isInstanceOf(UnauthorizedException.class);
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

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(base() + "/v1").apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("Say hello").build();
    }
}

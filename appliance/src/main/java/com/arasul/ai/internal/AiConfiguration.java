package com.arasul.ai.internal;

import com.arasul.ai.AiServices;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The LLM and the embedding service, each with a quick and a loading client over one JDK HttpClient. */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    /** Closed with the context (HttpClient is AutoCloseable); virtual threads, so no pool to size. */
    @Bean
    HttpClient ollamaHttpClient(AiProperties properties) {
        return newHttpClient(properties);
    }

    @Bean
    AiServices aiServices(AiProperties properties, HttpClient ollamaHttpClient) {
        return create(properties, ollamaHttpClient, RestClient.builder());
    }

    public static HttpClient newHttpClient(AiProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /** The services as the application wires them; tests call this with their own stand-in URLs. */
    public static AiServices create(AiProperties properties, HttpClient http, RestClient.Builder builder) {
        var llm = new OllamaEndpoint("llm-service", properties.llmUrl(), properties.defaultModel(), false);
        var embeddings = new OllamaEndpoint("embedding-service", properties.embeddingUrl(),
                properties.defaultEmbeddingModel(), true);
        return new AiServices(service(llm, properties, http, builder), service(embeddings, properties, http, builder));
    }

    private static OllamaHttpService service(OllamaEndpoint endpoint, AiProperties properties, HttpClient http,
            RestClient.Builder builder) {
        return new OllamaHttpService(endpoint,
                client(endpoint, http, builder, properties.readTimeout()),
                client(endpoint, http, builder, properties.loadTimeout()),
                properties);
    }

    private static RestClient client(OllamaEndpoint endpoint, HttpClient http, RestClient.Builder builder,
            Duration readTimeout) {
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return builder.clone().baseUrl(endpoint.url().toString()).requestFactory(factory).build();
    }
}

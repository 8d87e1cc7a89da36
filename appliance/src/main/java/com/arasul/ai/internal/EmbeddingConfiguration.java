package com.arasul.ai.internal;

import com.arasul.platform.DataDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The embedding provider: the embedding service when its URL is configured, else the model in the appliance. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    EmbeddingProvider embeddingProvider(EmbeddingProperties properties, AiProperties ai, HttpClient ollamaHttpClient,
            JsonMapper json, DataDirectory dataDirectory) {
        if (properties.local()) {
            return new LocalEmbeddings(dataDirectory.folder("native"));
        }
        return new OllamaEmbeddings(URI.create(properties.url()), properties.model(), ollamaHttpClient, json, ai);
    }
}

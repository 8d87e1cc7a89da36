package com.arasul.ai.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Embeddings behind one port: limits checked, the provider chosen by configuration, vectors L2-normalised. */
@Component
class EmbeddingService {

    record Result(String model, String provider, int dimensions, List<float[]> embeddings) {
    }

    private final EmbeddingProvider provider;
    private final EmbeddingProperties properties;

    EmbeddingService(EmbeddingProvider provider, EmbeddingProperties properties) {
        this.provider = provider;
        this.properties = properties;
    }

    EmbeddingProvider provider() {
        return provider;
    }

    EmbeddingProperties properties() {
        return properties;
    }

    Result embed(List<String> texts, String model) {
        if (texts.isEmpty()) {
            throw new LlmFailure(HttpStatus.BAD_REQUEST, "input must be a text or a non-empty list of texts");
        }
        if (texts.size() > properties.maxBatch()) {
            throw new LlmFailure(HttpStatus.BAD_REQUEST, "at most " + properties.maxBatch()
                    + " texts per request; this one has " + texts.size());
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).length() > properties.maxTextLength()) {
                throw new LlmFailure(HttpStatus.BAD_REQUEST, "text " + i + " is " + texts.get(i).length()
                        + " characters long; at most " + properties.maxTextLength() + " are accepted");
            }
        }
        String chosen = model == null || model.isBlank() ? provider.defaultModel() : model.strip();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (float[] vector : provider.embed(texts, chosen)) {
            vectors.add(normalised(vector));
        }
        return new Result(chosen, provider.name(), vectors.isEmpty() ? 0 : vectors.getFirst().length, vectors);
    }

    /** {@code input} as texts: one text or a list of texts. */
    static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw new LlmFailure(HttpStatus.BAD_REQUEST, "input is missing: send a text or a list of texts");
        }
        if (input.isString()) {
            return List.of(input.asString());
        }
        if (input.isArray()) {
            List<String> texts = new ArrayList<>(input.size());
            for (JsonNode text : input) {
                if (!text.isString()) {
                    throw new LlmFailure(HttpStatus.BAD_REQUEST, "input must hold texts only");
                }
                texts.add(text.asString());
            }
            return texts;
        }
        throw new LlmFailure(HttpStatus.BAD_REQUEST, "input must be a text or a list of texts");
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}

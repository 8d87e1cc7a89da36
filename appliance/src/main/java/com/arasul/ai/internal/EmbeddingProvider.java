package com.arasul.ai.internal;

import java.util.List;

/** Something that turns texts into vectors: the embedding service, or the model inside the appliance. */
interface EmbeddingProvider {

    /** {@code ollama} or {@code local}. */
    String name();

    /** The model used when a request names none. */
    String defaultModel();

    /** One vector per text, in order; the model is never null here. */
    List<float[]> embed(List<String> texts, String model);

    /** Whether the model is in memory now (the local one is loaded on first use only). */
    boolean loaded();
}

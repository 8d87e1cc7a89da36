package com.arasul.ai;

/** The two AI services of the box, as one bean so that callers need no qualifiers. */
public record AiServices(OllamaService llm, OllamaService embeddings) {
}

package com.arasul.ai.internal;

import java.net.URI;

/**
 * One AI service: its managed name, where it answers and what it preloads.
 *
 * @param embeddings whether it serves an embedding model, which is loaded through {@code /api/embed}
 *     because embedding models do not generate text
 */
public record OllamaEndpoint(String name, URI url, String defaultModel, boolean embeddings) {

    /** Scheme, host and port only: never a user, password or query into a log or a message. */
    public String where() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}

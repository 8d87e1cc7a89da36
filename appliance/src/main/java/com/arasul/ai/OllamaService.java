package com.arasul.ai;

import com.arasul.platform.ActionOutcome;
import java.util.List;
import java.util.Optional;

/**
 * One AI service speaking Ollama's HTTP API. Every call has a timeout; none throws when the
 * service is down, slow or refuses: the answer says so instead.
 */
public interface OllamaService {

    /** The managed service's name, as in its {@code arasul.service} label. */
    String name();

    /** The models now in memory ({@code GET /api/ps}); empty when the service did not answer. */
    Optional<List<LoadedModel>> loadedModels();

    /**
     * Unloads every model in memory ({@code keep_alive: 0}): the "LLM cache clear" and "session
     * reset" of the healing rules. Succeeds when nothing was loaded.
     */
    ActionOutcome unloadAll();

    /** Loads the configured default model into memory, so the next request does not wait for it. */
    ActionOutcome reloadDefaultModel();

    /** Whether the service answers within its timeout ({@code GET /api/version}). */
    ActionOutcome health();

    /** Version, models on disk and models in memory, for the dashboard; never throws. */
    OllamaStatus status();
}

package com.arasul.healing.internal;

import com.arasul.ai.AiServices;
import com.arasul.ai.OllamaService;
import com.arasul.platform.ActionOutcome;

/** The Ollama side of healing: unload the models ({@code keep_alive: 0}), and unload + reload for a session reset. */
public class AiHealing {

    private final AiServices ai;

    public AiHealing(AiServices ai) {
        this.ai = ai;
    }

    public ActionOutcome clearCache(String service) {
        return target(service).unloadAll();
    }

    public ActionOutcome resetSession(String service) {
        OllamaService target = target(service);
        ActionOutcome unloaded = target.unloadAll();
        if (!unloaded.success()) {
            return unloaded;
        }
        ActionOutcome reloaded = target.reloadDefaultModel();
        return new ActionOutcome(reloaded.success(), unloaded.message() + " " + reloaded.message(),
                unloaded.duration().plus(reloaded.duration()));
    }

    private OllamaService target(String service) {
        return service != null && service.equals(ai.embeddings().name()) ? ai.embeddings() : ai.llm();
    }
}

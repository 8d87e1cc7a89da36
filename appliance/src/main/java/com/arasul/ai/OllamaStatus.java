package com.arasul.ai;

import java.util.List;

/**
 * What the dashboard shows about one AI service.
 *
 * @param service the managed service's name
 * @param reachable whether it answered at all
 * @param version its Ollama version, null when unknown
 * @param available models on disk ({@code /api/tags})
 * @param loaded models in memory ({@code /api/ps})
 * @param problem why some part is missing, null when everything answered
 */
public record OllamaStatus(String service, boolean reachable, String version, List<AvailableModel> available,
        List<LoadedModel> loaded, String problem) {
}

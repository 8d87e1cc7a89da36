package com.arasul.ai;

import java.time.Instant;

/**
 * A health finding about one AI service, published after each probe and when a request finds the
 * service down: the healing rules take it as a fact (an unhealthy AI service is category A).
 *
 * @param service the managed service's name ({@code llm-service}, {@code embedding-service} or
 *     {@code local-embeddings})
 * @param healthy whether it answered as it should
 * @param reason what the probe saw, as a sentence
 * @param latencyMillis how long the probe took; null when it got no answer
 */
public record AiServiceHealth(String service, boolean healthy, String reason, Long latencyMillis, Instant at) {
}

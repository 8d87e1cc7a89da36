package com.arasul.ai.internal;

import com.arasul.platform.OpenAiError;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Why the language model could not answer, as a sentence and the status that says it to a client. */
final class LlmFailure extends RuntimeException {

    static final String NOT_RUNNING = "the language model is not running";

    private final HttpStatus status;
    private final Duration retryAfter;
    private final String openAiCode;

    LlmFailure(HttpStatus status, String message, Duration retryAfter) {
        this(status, message, retryAfter, null);
    }

    private LlmFailure(HttpStatus status, String message, Duration retryAfter, String openAiCode) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.openAiCode = openAiCode;
    }

    LlmFailure(HttpStatus status, String message) {
        this(status, message, null);
    }

    static LlmFailure notRunning(String where) {
        return new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, NOT_RUNNING + " (nothing answers at " + where + ")",
                Duration.ofSeconds(10));
    }

    static LlmFailure modelNotFound(String model) {
        return new LlmFailure(HttpStatus.NOT_FOUND, "the model '" + model
                + "' is not on the box; pull it first (POST /api/services/llm/models/pull)", null, "model_not_found");
    }

    HttpStatus status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** The failure in OpenAI's shape, with OpenAI's code where one says it better than the status. */
    OpenAiError toOpenAi() {
        return openAiCode == null ? OpenAiError.of(status, getMessage()) : OpenAiError.of(status, getMessage(), openAiCode);
    }
}

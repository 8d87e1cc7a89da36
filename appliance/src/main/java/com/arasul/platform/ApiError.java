package com.arasul.platform;

import java.time.Instant;

/**
 * The one shape of every error the API answers with: never a stack trace. The OpenAI-compatible
 * routes speak OpenAI's dialect of it instead ({@link #forPath}).
 */
public record ApiError(Instant timestamp, int status, String error, String message, String path) {

    public static ApiError of(org.springframework.http.HttpStatusCode status, String message, String path) {
        var resolved = org.springframework.http.HttpStatus.resolve(status.value());
        String reason = resolved != null ? resolved.getReasonPhrase() : "Error";
        return new ApiError(Instant.now(), status.value(), reason, message, path);
    }

    /** The error body for a request to this path: {@link OpenAiError} where OpenAI's clients call, this elsewhere. */
    public static Object forPath(org.springframework.http.HttpStatusCode status, String message, String path) {
        return OpenAiError.covers(path) ? OpenAiError.of(status, message) : of(status, message, path);
    }
}

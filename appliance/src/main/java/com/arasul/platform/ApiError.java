package com.arasul.platform;

import java.time.Instant;

/** The one shape of every error the API answers with: never a stack trace. */
public record ApiError(Instant timestamp, int status, String error, String message, String path) {

    public static ApiError of(org.springframework.http.HttpStatusCode status, String message, String path) {
        var resolved = org.springframework.http.HttpStatus.resolve(status.value());
        String reason = resolved != null ? resolved.getReasonPhrase() : "Error";
        return new ApiError(Instant.now(), status.value(), reason, message, path);
    }
}

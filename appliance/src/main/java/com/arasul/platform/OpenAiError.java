package com.arasul.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The error shape of OpenAI's API, {@code {"error": {"message", "type", "param", "code"}}}: the
 * OpenAI-compatible routes under {@link #PREFIX} answer in it, because OpenAI's SDKs (and n8n's and
 * LangChain's clients built on them) read the reason only from there. The type and code are OpenAI's
 * own words where one fits, otherwise the status's reason in the same snake case.
 */
public record OpenAiError(Detail error) {

    public static final String PREFIX = "/v1/";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {
    }

    /** Whether a request to this path is answered in OpenAI's shape. */
    public static boolean covers(String path) {
        return path != null && path.startsWith(PREFIX);
    }

    /** An error with the code the status implies. */
    public static OpenAiError of(HttpStatusCode status, String message) {
        return of(status, message, codeOf(status));
    }

    /** An error with a code of its own (e.g. {@code model_not_found}). */
    public static OpenAiError of(HttpStatusCode status, String message, String code) {
        String type = status.is5xxServerError() ? "server_error" : "invalid_request_error";
        return new OpenAiError(new Detail(message, type, null, code));
    }

    private static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "invalid_api_key";
            case 429 -> "rate_limit_exceeded";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT);
            }
        };
    }
}

package com.arasul.ai.internal;

import com.arasul.platform.ApiError;
import com.arasul.platform.OpenAiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * An AI failure as the API's error shape (OpenAI's under /v1/), with {@code Retry-After} where waiting helps. Written as
 * JSON whatever the request accepted: a client asking for an event stream must still read why there
 * is none, not a 406.
 */
@RestControllerAdvice(basePackageClasses = LlmFailureAdvice.class)
class LlmFailureAdvice {

    private final JsonMapper json;

    LlmFailureAdvice(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(LlmFailure.class)
    void failed(LlmFailure failure, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer(); // not reset(): the security headers set by the filters stay
        response.setStatus(failure.status().value());
        if (failure.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, failure.retryAfter().toSeconds())));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI();
        json.writeValue(response.getOutputStream(), OpenAiError.covers(path) ? failure.toOpenAi()
                : ApiError.of(failure.status(), failure.getMessage(), path));
    }
}

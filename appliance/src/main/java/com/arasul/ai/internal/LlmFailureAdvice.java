package com.arasul.ai.internal;

import com.arasul.platform.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An AI failure as the API's error shape, with {@code Retry-After} where waiting helps. */
@RestControllerAdvice(basePackageClasses = LlmFailureAdvice.class)
class LlmFailureAdvice {

    @ExceptionHandler(LlmFailure.class)
    ResponseEntity<ApiError> failed(LlmFailure failure, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.status());
        if (failure.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, failure.retryAfter().toSeconds())));
        }
        return answer.body(ApiError.of(failure.status(), failure.getMessage(), request.getRequestURI()));
    }
}

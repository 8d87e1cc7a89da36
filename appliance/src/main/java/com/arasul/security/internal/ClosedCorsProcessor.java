package com.arasul.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, but a refused cross-origin request gets an ApiError body, not plain text. */
final class ClosedCorsProcessor implements CorsProcessor {

    private final ApiErrorWriter writer;
    private final DefaultCorsProcessor checks = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
        }
    };

    ClosedCorsProcessor(ApiErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        boolean allowed = checks.processRequest(configuration, request, response);
        if (!allowed) {
            writer.write(request, response, HttpStatus.FORBIDDEN,
                    "cross-origin requests from this origin are not allowed");
        }
        return allowed;
    }
}

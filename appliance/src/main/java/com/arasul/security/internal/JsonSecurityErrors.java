package com.arasul.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of the filter chain as ApiError bodies, with the {@code WWW-Authenticate} a client
 * expects (RFC 6750, RFC 9728); its link is built from the configured public base URL, not from
 * the request's {@code Host} header, which anyone can set.
 */
@Component
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private final ApiErrorWriter writer;
    private final String resourceMetadata;

    JsonSecurityErrors(ApiErrorWriter writer, SecurityProperties properties) {
        this.writer = writer;
        this.resourceMetadata = properties.baseUrl() + METADATA_PATH;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String error = e instanceof OAuth2AuthenticationException ? ", error=\"invalid_token\"" : "";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer realm=\"arasul\"" + error + ", resource_metadata=\"" + resourceMetadata + "\"");
        // the decoder's own words can name parsing internals; the client only needs to know what to do
        String message = e instanceof OAuth2AuthenticationException
                ? "the bearer token is invalid, expired or its session has ended; log in again"
                : "authentication required: send a bearer token from POST /api/auth/login";
        writer.write(request, response, HttpStatus.UNAUTHORIZED, message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        writer.write(request, response, HttpStatus.FORBIDDEN, "access denied");
    }
}

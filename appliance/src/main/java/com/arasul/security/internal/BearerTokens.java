package com.arasul.security.internal;

import com.arasul.security.WebSocketTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the token of a request: the {@code Authorization: Bearer} header; on GET (a WebSocket
 * handshake) also the {@code access_token} query parameter or the subprotocol pair
 * {@code Sec-WebSocket-Protocol: bearer, <token>}, since a browser cannot set headers there. API
 * keys ({@code ara_...}) are not session tokens and are left to {@link ApiKeyFilter}.
 */
final class BearerTokens implements BearerTokenResolver {

    static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

    BearerTokens() {
        // the resolver itself takes the query parameter on GET only
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String token = headerOrQuery.resolve(request);
        if (token != null && token.startsWith(ApiKeys.KEY_PREFIX)) {
            return null; // an API key, already judged by ApiKeyFilter
        }
        if (token != null || !"GET".equals(request.getMethod())) {
            return token;
        }
        return fromSubprotocols(request);
    }

    private static String fromSubprotocols(HttpServletRequest request) {
        var headers = request.getHeaders(SUBPROTOCOL_HEADER);
        if (headers == null) {
            return null;
        }
        List<String> offered = java.util.Collections.list(headers).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .toList();
        int marker = offered.indexOf(WebSocketTokens.BEARER_SUBPROTOCOL);
        if (marker < 0 || marker + 1 >= offered.size()) {
            return null;
        }
        String token = offered.get(marker + 1);
        return token.isEmpty() ? null : token;
    }
}

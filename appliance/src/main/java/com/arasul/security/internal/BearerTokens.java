package com.arasul.security.internal;

import com.arasul.security.WebSocketTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the token of a request: the {@code Authorization: Bearer} header; on a WebSocket handshake
 * (a GET with {@code Upgrade: websocket}) also the {@code access_token} query parameter or the
 * subprotocol pair {@code Sec-WebSocket-Protocol: bearer, <token>}, since a browser cannot set
 * headers there. Nowhere else is a token read from the URL: event streams take a single-use
 * ticket instead ({@link StreamTicketFilter}). API keys ({@code ara_...}) are not session tokens
 * and are left to {@link ApiKeyFilter}.
 */
final class BearerTokens implements BearerTokenResolver {

    static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String token = header.resolve(request);
        if (token != null && token.startsWith(ApiKeys.KEY_PREFIX)) {
            return null; // an API key, already judged by ApiKeyFilter
        }
        if (token != null || !isWebSocketHandshake(request)) {
            return token;
        }
        String query = request.getParameter(WebSocketTokens.ACCESS_TOKEN_PARAMETER);
        return query != null && !query.isEmpty() ? query : fromSubprotocols(request);
    }

    static boolean isWebSocketHandshake(HttpServletRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return "GET".equals(request.getMethod()) && upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
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

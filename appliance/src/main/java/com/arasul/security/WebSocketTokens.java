package com.arasul.security;

import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * How a WebSocket handshake carries its token, for the modules that own WebSocket endpoints.
 * Browsers cannot set an {@code Authorization} header on a WebSocket, so the token travels as the
 * query parameter {@value #ACCESS_TOKEN_PARAMETER} or as the subprotocol pair
 * {@code Sec-WebSocket-Protocol: bearer, <token>}. The security filter chain checks it before the
 * handshake reaches any handler; a handler only has to select {@value #BEARER_SUBPROTOCOL}, or a
 * browser that offered it closes the connection.
 */
public final class WebSocketTokens {

    /** The subprotocol a client offers in front of its token and the server selects. */
    public static final String BEARER_SUBPROTOCOL = "bearer";

    /** The query parameter that may carry the token of a GET (handshake) request. */
    public static final String ACCESS_TOKEN_PARAMETER = "access_token";

    private WebSocketTokens() {
    }

    /** A handshake handler that selects {@value #BEARER_SUBPROTOCOL} when the client offered it. */
    public static DefaultHandshakeHandler handshakeHandler() {
        DefaultHandshakeHandler handler = new DefaultHandshakeHandler();
        handler.setSupportedProtocols(BEARER_SUBPROTOCOL);
        return handler;
    }
}

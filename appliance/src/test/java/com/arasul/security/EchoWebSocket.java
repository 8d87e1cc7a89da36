package com.arasul.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** A test-only WebSocket endpoint that greets whoever the security filter chain let through. */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSocket
class EchoWebSocket implements WebSocketConfigurer {

    static final String PATH = "/api/test/echo";

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new TextWebSocketHandler() {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                session.sendMessage(new TextMessage("hello " + session.getPrincipal().getName()));
            }
        }, PATH).setHandshakeHandler(WebSocketTokens.handshakeHandler());
    }
}

package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BearerTokensTests {

    private final BearerTokens tokens = new BearerTokens();

    @Test
    void takesTheAuthorizationHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/logout");
        request.addHeader("Authorization", "Bearer abc.def.ghi");

        assertThat(tokens.resolve(request)).isEqualTo("abc.def.ghi");
    }

    @Test
    void takesTheQueryParameterOnWebSocketHandshakesOnly() {
        MockHttpServletRequest handshake = withQueryToken(new MockHttpServletRequest("GET", "/api/metrics/live-stream"));
        handshake.addHeader("Upgrade", "websocket");
        MockHttpServletRequest get = withQueryToken(new MockHttpServletRequest("GET", "/api/auth/me"));
        MockHttpServletRequest post = withQueryToken(new MockHttpServletRequest("POST", "/api/auth/logout"));
        post.addHeader("Upgrade", "websocket");

        assertThat(tokens.resolve(handshake)).isEqualTo("abc.def.ghi");
        assertThat(tokens.resolve(get)).isNull();
        assertThat(tokens.resolve(post)).isNull();
    }

    @Test
    void takesTheTokenAfterTheBearerSubprotocol() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        request.addHeader("Upgrade", "websocket");
        request.addHeader("Sec-WebSocket-Protocol", "bearer, abc.def.ghi");

        assertThat(tokens.resolve(request)).isEqualTo("abc.def.ghi");
    }

    @Test
    void ignoresSubprotocolsWithoutBearerPair() {
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        other.addHeader("Sec-WebSocket-Protocol", "v1.stream");
        MockHttpServletRequest dangling = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        dangling.addHeader("Sec-WebSocket-Protocol", "bearer");
        other.addHeader("Upgrade", "websocket");
        dangling.addHeader("Upgrade", "websocket");

        assertThat(tokens.resolve(other)).isNull();
        assertThat(tokens.resolve(dangling)).isNull();
    }

    private static MockHttpServletRequest withQueryToken(MockHttpServletRequest request) {
        request.setQueryString("access_token=abc.def.ghi");
        request.addParameter("access_token", "abc.def.ghi");
        return request;
    }
}

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
    void takesTheQueryParameterOnGetOnly() {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        get.setQueryString("access_token=abc.def.ghi");
        get.addParameter("access_token", "abc.def.ghi");
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/auth/logout");
        post.setQueryString("access_token=abc.def.ghi");
        post.addParameter("access_token", "abc.def.ghi");

        assertThat(tokens.resolve(get)).isEqualTo("abc.def.ghi");
        assertThat(tokens.resolve(post)).isNull();
    }

    @Test
    void takesTheTokenAfterTheBearerSubprotocol() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        request.addHeader("Sec-WebSocket-Protocol", "bearer, abc.def.ghi");

        assertThat(tokens.resolve(request)).isEqualTo("abc.def.ghi");
    }

    @Test
    void ignoresSubprotocolsWithoutBearerPair() {
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        other.addHeader("Sec-WebSocket-Protocol", "v1.stream");
        MockHttpServletRequest dangling = new MockHttpServletRequest("GET", "/api/metrics/live-stream");
        dangling.addHeader("Sec-WebSocket-Protocol", "bearer");

        assertThat(tokens.resolve(other)).isNull();
        assertThat(tokens.resolve(dangling)).isNull();
    }
}

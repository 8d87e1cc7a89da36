package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class StaticFileRequestTests {

    @Test
    void plainGetsOfDashboardFilesArePublic() {
        MockHttpServletRequest h2cOffer = new MockHttpServletRequest("GET", "/assets/app.js");
        h2cOffer.addHeader("Upgrade", "h2c");

        assertThat(SecurityConfiguration.isStaticFileRequest(new MockHttpServletRequest("GET", "/index.html"))).isTrue();
        assertThat(SecurityConfiguration.isStaticFileRequest(h2cOffer)).isTrue();
    }

    @Test
    void aWebSocketUpgradeOrAWriteIsNeverAStaticFile() {
        MockHttpServletRequest handshake = new MockHttpServletRequest("GET", "/live");
        handshake.addHeader("Upgrade", "websocket");

        assertThat(SecurityConfiguration.isStaticFileRequest(handshake)).isFalse();
        assertThat(SecurityConfiguration.isStaticFileRequest(new MockHttpServletRequest("POST", "/index.html")))
                .isFalse();
    }
}

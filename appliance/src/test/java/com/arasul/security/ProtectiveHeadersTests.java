package com.arasul.security;

import static com.arasul.security.AuthenticationTests.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SecuredApplianceTest
class ProtectiveHeadersTests {

    /** Just above the default limit of 1 MiB, below what Tomcat swallows, so the answer can be read. */
    static final int OVERSIZED = 1024 * 1024 + 4096;

    @Autowired
    ApiClient api;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : new HttpResponse[] {api.get("/api/auth/me", null),
                api.login("admin", SecuredApplianceTest.ADMIN_PASSWORD)}) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe"));
        }
    }

    @Test
    void onlyTheApiDocsMayUseInlineStyles() {
        HttpResponse<String> docs = api.get("/api/docs/openapi.json", null);

        assertThat(docs.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("style-src 'self' 'unsafe-inline'").contains("frame-ancestors 'none'")
                .doesNotContain("script-src"));
    }

    @Test
    void refusesAPreflightFromAForeignOrigin() {
        HttpResponse<String> preflight = api.send(api.request("/api/auth/login", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST"));

        assertApiError(preflight, 403, "/api/auth/login");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void refusesACrossOriginCallFromAForeignOrigin() {
        HttpResponse<String> call = api.send(api.request("/api/auth/me", null).GET()
                .header("Origin", "https://elsewhere.example"));

        assertThat(call.statusCode()).isEqualTo(403);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void refusesABodyAboveTheLimit() {
        String padding = "x".repeat(OVERSIZED);

        HttpResponse<String> response = api.post("/api/auth/login", null,
                Map.of("username", "admin", "password", padding));

        assertApiError(response, 413, "/api/auth/login");
    }

    @Test
    void refusesAChunkedBodyAboveTheLimit() {
        byte[] body = ("{\"username\":\"admin\",\"password\":\"" + "x".repeat(OVERSIZED) + "\"}").getBytes();

        HttpResponse<String> response = api.send(api.request("/api/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertApiError(response, 413, "/api/auth/login");
    }

    @Test
    void acceptsASmallChunkedBody() {
        byte[] body = ("{\"username\":\"admin\",\"password\":\"" + SecuredApplianceTest.ADMIN_PASSWORD + "\"}")
                .getBytes();

        HttpResponse<String> response = api.send(api.request("/api/auth/login", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void updateUploadsAreExemptFromTheBodyLimit() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);

        HttpResponse<String> response = api.send(api.request("/api/update/upload", token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[OVERSIZED])));

        assertThat(response.statusCode()).isNotEqualTo(413).isNotEqualTo(401);
    }
}

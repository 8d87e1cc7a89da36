package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/auth/stream-ticket}: a ticket opens one event stream of its session, once. */
@SecuredApplianceTest
class StreamTicketTests {

    static final String LOG_STREAM = "/api/logs/stream?service=appliance";

    @Autowired
    ApiClient api;

    @Test
    void givesASingleUseTicketValidForThirtySeconds() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);

        HttpResponse<String> response = api.post("/api/auth/stream-ticket", token, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = ApiClient.json(response);
        assertThat(body.get("ticket").asString()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Instant.parse(body.get("expires_at").asString()))
                .isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(31));
    }

    @Test
    void aTicketOpensAnEventStreamOnce() throws Exception {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        String ticket = ticket(token);

        HttpResponse<InputStream> first = api.stream(LOG_STREAM + "&ticket=" + ticket);
        try (var lines = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8))) {
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(lines.readLine()).isNotNull();
        }
        HttpResponse<String> again = api.get(LOG_STREAM + "&ticket=" + ticket, null);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(again).get("message").asString()).contains("stream ticket");
    }

    @Test
    void aTicketOpensNoOrdinaryRoute() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);

        HttpResponse<String> response = api.get("/api/auth/me?ticket=" + ticket(token), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aTicketEndsWithItsSession() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        String ticket = ticket(token);
        api.post("/api/auth/logout", token, Map.of());

        assertThat(api.get(LOG_STREAM + "&ticket=" + ticket, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownTicketIsRefused() {
        assertThat(api.get(LOG_STREAM + "&ticket=made-up", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionTokenIsNotAcceptedInTheUrlOfAStream() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);

        assertThat(api.get(LOG_STREAM + "&access_token=" + token, null).statusCode()).isEqualTo(401);
        assertThat(api.get(LOG_STREAM + "&ticket=" + token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTicketNeedsASession() {
        assertThat(api.post("/api/auth/stream-ticket", null, Map.of()).statusCode()).isEqualTo(401);
    }

    private String ticket(String token) {
        return ApiClient.json(api.post("/api/auth/stream-ticket", token, Map.of())).get("ticket").asString();
    }
}

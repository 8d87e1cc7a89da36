package com.arasul.security;

import static com.arasul.security.AuthenticationTests.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each test is a client of its own (an address of the documentation ranges, through the proxy header). */
@FirstStartApplianceTest
class RateLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    DataDirectory dataDirectory;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void answersALoginFloodWith429AndRetryAfter() {
        for (int i = 0; i < FirstStartApplianceTest.LOGIN_LIMIT; i++) {
            assertThat(login("203.0.113.10", "flooder", "Wrong-Password-99!").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> flooded = login("203.0.113.10", "flooder", "Wrong-Password-99!");

        assertApiError(flooded, 429, "/api/auth/login");
        assertThat(Long.parseLong(flooded.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(login("203.0.113.11", "flooder", "Wrong-Password-99!").statusCode())
                .as("another client has its own budget").isEqualTo(401);
    }

    @Test
    void answersAMetricsFloodWith429AndRetryAfterWhileTheRestOfTheApiStillAnswers() throws IOException {
        String client = "203.0.113.20";
        String token = ApiClient.json(login(client, "admin", adminPassword())).get("token").asString();
        for (int i = 0; i < FirstStartApplianceTest.METRICS_LIMIT; i++) {
            assertThat(get(client, "/api/metrics/live", token).statusCode()).isNotEqualTo(429);
        }

        HttpResponse<String> flooded = get(client, "/api/metrics/live", token);

        assertApiError(flooded, 429, "/api/metrics/live");
        assertThat(Long.parseLong(flooded.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(get(client, "/api/auth/me", token).statusCode()).isEqualTo(200);
    }

    private String adminPassword() throws IOException {
        return Files.readString(dataDirectory.config().resolve("admin-password")).strip();
    }

    private HttpResponse<String> login(String client, String username, String password) {
        return api.send(api.request("/api/auth/login", null).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(
                        Map.of("username", username, "password", password)))));
    }

    private HttpResponse<String> get(String client, String path, String token) {
        return api.send(api.request(path, token).header("X-Forwarded-For", client).GET());
    }
}

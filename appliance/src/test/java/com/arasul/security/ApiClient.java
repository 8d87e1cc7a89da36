package com.arasul.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Lazy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP against the running appliance, as a dashboard or curl would talk to it. A
 * {@link SecuredApplianceTest} has one to inject; it is made lazily, when a test first asks for it,
 * because the random port is only known once the server listens.
 */
@TestComponent
@Lazy
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(@LocalServerPort int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** Opens an event stream without a token; the caller reads and closes the body. */
    HttpResponse<java.io.InputStream> stream(String path) {
        try {
            return http.send(request(path, null).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> login(String username, String password) {
        return post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    /** Logs in and answers the token; fails the test when the login does not succeed. */
    String token(String username, String password) {
        HttpResponse<String> response = login(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json(response).get("token").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

package com.arasul.telemetry.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running appliance, logging in as the admin the way every client does. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    /** {@code POST /api/auth/login} → {@code {token, expires_at}}. */
    String login(String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(java.util.Map.of("username", "admin", "password", password)))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).get("token").asString();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode parse(String body) {
        return json.readTree(body);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    URI webSocket(String path) {
        return URI.create("ws://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

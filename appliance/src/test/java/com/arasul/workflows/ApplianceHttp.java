package com.arasul.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** The appliance's API over plain HTTP, as the owner (a login token) or as an integration (an API key). */
final class ApplianceHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** HTTP/1.1, since the tests also call n8n's webhooks with it (see {@link RealN8n}). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String password;
    private String token;

    ApplianceHttp(int port, String password) {
        this.port = port;
        this.password = password;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The owner's session token, logged in once. */
    String token() {
        if (token == null) {
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                            .ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            token = JSON.readTree(login.body()).get("token").asString();
        }
        return token;
    }

    HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET());
    }

    HttpResponse<String> post(String path, String bearer, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A new API key with the one scope, made by the owner. */
    String apiKey(String scope) {
        HttpResponse<String> created = post("/api/auth/api-keys", token(),
                "{\"name\":\"wf-" + scope + "-" + System.nanoTime() + "\",\"scopes\":[\"" + scope + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return JSON.readTree(created.body()).get("key").asString();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

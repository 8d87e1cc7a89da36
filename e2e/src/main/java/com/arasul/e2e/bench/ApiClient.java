package com.arasul.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The appliance's REST API as the benchmark uses it: log in once, then authenticated GETs. */
final class ApiClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Function<String, URI> uris;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private String token;

    ApiClient(Function<String, URI> uris) {
        this.uris = uris;
        this.http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code POST /api/auth/login} as admin; fails with the status and body when that does not work. */
    void login(String password) throws IOException, InterruptedException {
        String body = json.writeValueAsString(java.util.Map.of("username", "admin", "password", password));
        HttpRequest request = HttpRequest.newBuilder(uris.apply("/api/auth/login"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new EndpointMissing("POST /api/auth/login answered " + response.statusCode() + explain(response));
        }
        JsonNode tokenNode = json.readTree(response.body()).get("token");
        if (tokenNode == null || tokenNode.asString().isBlank()) {
            throw new EndpointMissing("POST /api/auth/login answered without a token: " + response.body());
        }
        token = tokenNode.asString();
    }

    /** An authenticated GET; the body is read and dropped. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uris.apply(path)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The GET must answer 200, otherwise the endpoint is missing or broken in this build. */
    HttpResponse<String> getOk(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new EndpointMissing("GET " + path + " answered " + response.statusCode() + explain(response));
        }
        return response;
    }

    @Override
    public void close() {
        http.close();
        executor.shutdownNow();
    }

    /** A 404, or a 401 without a body from the default security, means the endpoint is not built yet. */
    private static String explain(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (response.statusCode() == 404 || (response.statusCode() == 401 && body.isEmpty())) {
            return " (is the endpoint in this build yet?)";
        }
        return ": " + (body.length() <= 300 ? body : body.substring(0, 300) + "...");
    }

    /** A figure could not be measured because the endpoint it needs is not there or refuses. */
    static final class EndpointMissing extends IOException {
        EndpointMissing(String message) {
            super(message);
        }
    }
}

package com.arasul.e2e;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The update API of a running appliance process, with a token from {@code POST /api/auth/login}. */
final class UpdateApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINAL = Set.of("COMMITTED", "ROLLED_BACK", "FAILED", "REFUSED");
    private static final String BOUNDARY = "e2e-7MA4YWxkTrZu0gW";

    private final ApplianceProcess appliance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    private UpdateApi(ApplianceProcess appliance, String password) throws IOException, InterruptedException {
        this.appliance = appliance;
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(appliance.uri("/api/auth/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(login, 200, "login");
        this.token = JSON.readTree(login.body()).get("token").asString();
    }

    static UpdateApi login(ApplianceProcess appliance, String password) throws IOException, InterruptedException {
        return new UpdateApi(appliance, password);
    }

    /** Uploads a package file, streamed; answers its id once it is READY. */
    String upload(Path file) throws IOException, InterruptedException {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long length = head.length + Files.size(file) + tail.length;
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                InputStream content = Files.newInputStream(file);
                return new SequenceInputStream(new ByteArrayInputStream(head), new SequenceInputStream(content, new ByteArrayInputStream(tail)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
        HttpResponse<String> response = http.send(authorized("/api/update/upload", Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "upload");
        return JSON.readTree(response.body()).get("id").asString();
    }

    void apply(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized("/api/update/apply", Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 202, "apply");
    }

    /** Polls {@code GET /api/update/status} until the package is at {@code step}; fails if it ends before. */
    JsonNode awaitStep(String id, String step, Duration timeout) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        java.util.List<String> steps = new java.util.ArrayList<>();
        await().pollInterval(Duration.ofMillis(10)).atMost(timeout).until(() -> {
            long started = System.nanoTime();
            JsonNode current = JSON.readTree(get("/api/update/status")).get("current");
            steps.add(current.get("status").asString() + "/" + current.get("step").asString() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (current.get("id").asString().equals(id) && FINAL.contains(current.get("status").asString())) {
                throw new AssertionError("the update ended (" + current.get("status").asString() + ") before it was seen at "
                        + step + "; seen: " + steps.subList(Math.max(0, steps.size() - 30), steps.size()));
            }
            seen.set(current);
            return current.get("id").asString().equals(id) && step.equals(current.get("step").asString());
        });
        return seen.get();
    }

    /** Polls the history until the package reached a final status; answers its entry with events. */
    JsonNode awaitFinished(String id, Duration timeout) {
        AtomicReference<JsonNode> entry = new AtomicReference<>();
        await().pollInterval(Duration.ofMillis(250)).atMost(timeout).until(() -> {
            JsonNode packages = JSON.readTree(get("/api/update/history?limit=20")).get("packages");
            entry.set(packages.valueStream().filter(p -> p.get("id").asString().equals(id)).findFirst().orElseThrow());
            return FINAL.contains(entry.get().get("status").asString());
        });
        return entry.get();
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(path, Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "GET " + path);
        return response.body();
    }

    private HttpRequest.Builder authorized(String path, Duration timeout) {
        return HttpRequest.newBuilder(appliance.uri(path)).timeout(timeout).header("Authorization", "Bearer " + token);
    }

    private void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + " answered " + response.statusCode() + ": " + response.body() + "\n" + appliance.logTail(30));
        }
    }
}

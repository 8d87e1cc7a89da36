package com.arasul.workflows;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real n8n, installed by {@code scripts/arasul test} into a cache outside the repository (its
 * folder in {@code ARASUL_N8N_HOME}), started as a process of its own on SQLite in a temporary user
 * folder, on free ports, with every call home switched off. It is ready when {@code /rest/settings}
 * answers with JSON ({@code /healthz} answers before its migrations end, and until they have ended
 * every route answers a plain-text "starting up" page). {@link #stop()} ends the whole process
 * tree; {@link #start()} again keeps the user folder, so owner, workflows and API key survive.
 */
final class RealN8n implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OWNER_EMAIL = "owner@arasul.test";
    private static final String OWNER_PASSWORD = "Owner-Password-7";

    private final Path home;
    private final Path userFolder;
    private final int port;
    private final int brokerPort;
    // HTTP/1.1: the JDK's default offer of "Upgrade: h2c" reaches n8n's WebSocket upgrade handler,
    // which never answers it
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    RealN8n() {
        home = installation();
        try {
            userFolder = Files.createTempDirectory("arasul-n8n-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = freePort();
        brokerPort = freePort();
    }

    /** Where {@code scripts/arasul test} installed n8n; a missing installation fails the test, it never skips it. */
    static Path installation() {
        String configured = System.getProperty("arasul.n8n.home", System.getenv("ARASUL_N8N_HOME"));
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("ARASUL_N8N_HOME is not set: the workflow tests need the real n8n, which"
                    + " scripts/arasul test installs (function ensure_n8n) and points to with ARASUL_N8N_HOME");
        }
        Path home = Path.of(configured);
        if (!Files.isRegularFile(home.resolve("node_modules/n8n/bin/n8n"))) {
            throw new IllegalStateException("ARASUL_N8N_HOME=" + home + " holds no n8n (node_modules/n8n/bin/n8n):"
                    + " run scripts/arasul test, which installs it");
        }
        return home;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path userFolder() {
        return userFolder;
    }

    synchronized RealN8n start() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("N8N_USER_FOLDER", userFolder.toString());
        env.put("DB_TYPE", "sqlite");
        env.put("N8N_LISTEN_ADDRESS", "127.0.0.1");
        env.put("N8N_PORT", Integer.toString(port));
        env.put("N8N_RUNNERS_BROKER_PORT", Integer.toString(brokerPort));
        env.put("N8N_RUNNERS_BROKER_LISTEN_ADDRESS", "127.0.0.1");
        env.put("N8N_DIAGNOSTICS_ENABLED", "false");
        env.put("N8N_VERSION_NOTIFICATIONS_ENABLED", "false");
        env.put("N8N_TEMPLATES_ENABLED", "false");
        env.put("N8N_PERSONALIZATION_ENABLED", "false");
        env.put("N8N_SECURE_COOKIE", "false");
        env.put("N8N_HOST", "127.0.0.1");
        env.put("WEBHOOK_URL", url() + "/");
        env.put("N8N_LOG_LEVEL", "warn");
        env.put("N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS", "false");
        ProcessBuilder builder = new ProcessBuilder("node", home.resolve("node_modules/n8n/bin/n8n").toString(), "start")
                .directory(userFolder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(userFolder.resolve("n8n.log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start n8n (is node on the PATH?)", e);
        }
        // a fresh database runs some hundred migrations first: minutes on a busy machine
        await("n8n ready (see " + userFolder.resolve("n8n.log") + ")").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("n8n exited with " + process.exitValue() + ":\n" + log());
                    }
                    return answersJson(get("/rest/settings"));
                });
        return this;
    }

    /** Ends n8n and every process it started (task runners), waiting until they are gone. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        var descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** The owner account and, logged in as it, an API key with every scope the owner may give. */
    String setUpOwnerAndApiKey() {
        ObjectNode owner = JSON.createObjectNode().put("email", OWNER_EMAIL).put("firstName", "Arasul")
                .put("lastName", "Test").put("password", OWNER_PASSWORD);
        expect(200, post("/rest/owner/setup", owner), "owner setup");
        ObjectNode login = JSON.createObjectNode().put("emailOrLdapLoginId", OWNER_EMAIL).put("password", OWNER_PASSWORD);
        expect(200, post("/rest/login", login), "login");
        JsonNode scopes = JSON.readTree(expect(200, get("/rest/api-keys/scopes"), "api key scopes").body()).get("data");
        ObjectNode key = JSON.createObjectNode().put("label", "arasul").putNull("expiresAt");
        key.set("scopes", scopes);
        JsonNode created = JSON.readTree(expect(200, post("/rest/api-keys", key), "api key").body()).get("data");
        return created.get("rawApiKey").asString();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url().resolve(path)).GET());
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(url().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A call of n8n's public API with the key. */
    HttpResponse<String> api(String method, String path, String apiKey, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve(path)).header("X-N8N-API-KEY", apiKey)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(request);
    }

    String log() {
        try {
            String text = Files.readString(userFolder.resolve("n8n.log"));
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response == null || response.statusCode() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + ", got "
                    + (response == null ? "no answer" : response.statusCode() + " " + response.body()));
        }
        return response;
    }

    /** Stops n8n and removes its user folder. */
    @Override
    public void close() {
        stop();
        try (var files = Files.walk(userFolder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is no failure of the test
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not (yet, or any more) listening
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** While it migrates, n8n answers every route with a plain-text "starting up" page. */
    private static boolean answersJson(HttpResponse<String> response) {
        return response != null && response.statusCode() == 200 && response.body().stripLeading().startsWith("{");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

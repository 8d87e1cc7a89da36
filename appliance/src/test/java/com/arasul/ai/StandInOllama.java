package com.arasul.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for Ollama on 127.0.0.1: answers each route with one of the documented example
 * responses under {@code src/test/resources/ollama}, and remembers what the client sent.
 */
public final class StandInOllama implements AutoCloseable {

    public record Request(String method, String path, String body) {
    }

    private record Answer(int status, String fixture) {
    }

    /**
     * A streamed answer as Ollama sends it: NDJSON lines (Content-Type application/x-ndjson, chunked),
     * the headers only with the first line, a pause between lines; optionally it then hangs.
     */
    public record Script(int status, List<String> lines, Duration firstByteDelay, Duration gap, boolean hangAtEnd) {

        public static Script of(List<String> lines) {
            return new Script(200, lines, Duration.ZERO, Duration.ZERO, false);
        }

        public Script paced(Duration gap) {
            return new Script(status, lines, firstByteDelay, gap, hangAtEnd);
        }

        public Script firstByteAfter(Duration delay) {
            return new Script(status, lines, delay, gap, hangAtEnd);
        }

        public Script thenHang() {
            return new Script(status, lines, firstByteDelay, gap, true);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger clientsGone = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String heldRoute;
    private volatile String stalledRoute;
    /** Ollama's models on disk and in the registry, by name, while {@link #keepModels} is on. */
    private final Map<String, JsonNode> disk = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, JsonNode> registry = new ConcurrentHashMap<>();
    private volatile boolean keepsModels;
    private volatile Duration pullGap = Duration.ZERO;

    static {
        // Ollama (Go's net/http) sends each chunk at once; the JDK's server would hold small writes back
        // (Nagle) unless told otherwise, which only the first server created in this JVM reads
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public StandInOllama() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} with a fixture file and status. */
    public StandInOllama answer(String method, String path, int status, String fixture) {
        answers.put(method + " " + path, new Answer(status, fixture));
        return this;
    }

    /** Keeps every request to this route waiting until the stand-in is closed: a hung Ollama. */
    public StandInOllama hang(String method, String path) {
        heldRoute = method + " " + path;
        return this;
    }

    /** Sends the headers and half the body of this route, then stalls: an Ollama stuck mid-answer. */
    StandInOllama stallMidBody(String method, String path) {
        stalledRoute = method + " " + path;
        return this;
    }

    /** Answers {@code method path} with a streamed script. */
    public StandInOllama stream(String method, String path, Script script) {
        scripts.put(method + " " + path, script);
        return this;
    }

    /**
     * Keeps the models on disk as Ollama does, instead of fixed answers for these routes: {@code GET /api/tags}
     * lists them, {@code DELETE /api/delete} removes one (200 with no body; 404 {@code {"error":"model 'x' not
     * found"}} when it is not there), and {@code POST /api/pull} of a model the registry has streams the
     * documented progress lines (status, {@code digest}/{@code total}/{@code completed}, a final
     * {@code success}), one every {@code pullGap}, and lists the model once all were sent. A model the registry
     * lacks answers Ollama's "file does not exist" error line.
     *
     * @param registryFixture a fixture shaped like {@code /api/tags}: the models the registry has
     * @param onDisk the names of those already pulled
     */
    public StandInOllama keepModels(String registryFixture, Duration pullGap, String... onDisk) {
        registry.clear();
        disk.clear();
        JSON.readTree(fixture(registryFixture)).path("models").forEach(m -> registry.put(m.path("name").asString(), m));
        for (String name : onDisk) {
            disk.put(name, Objects.requireNonNull(registry.get(name), "the registry fixture has no " + name));
        }
        this.pullGap = pullGap;
        keepsModels = true;
        return this;
    }

    /** The names of the models on disk, while {@link #keepModels} is on. */
    public List<String> modelsOnDisk() {
        synchronized (disk) {
            return List.copyOf(disk.keySet());
        }
    }

    /** How many streamed answers broke off because the client closed the connection. */
    public int clientsGone() {
        return clientsGone.get();
    }

    /** Forgets every answer and request, for a stand-in shared by tests. */
    public void reset() {
        answers.clear();
        scripts.clear();
        requests.clear();
        heldRoute = null;
        stalledRoute = null;
        keepsModels = false;
        disk.clear();
        registry.clear();
    }

    /**
     * Ollama's progress lines for pulling one model of a single layer, as its API documentation shows them
     * (the layer named by the model's digest, its size as {@code total}), in {@code steps} steps.
     */
    public static List<String> pullLines(JsonNode model, int steps) {
        String digest = model.path("digest").asString();
        long total = model.path("size").asLong();
        List<String> lines = new ArrayList<>();
        lines.add("{\"status\":\"pulling manifest\"}");
        for (int step = 1; step <= steps; step++) {
            lines.add("{\"status\":\"pulling " + digest.substring(0, 12) + "\",\"digest\":\"sha256:" + digest
                    + "\",\"total\":" + total + ",\"completed\":" + total * step / steps + "}");
        }
        lines.add("{\"status\":\"verifying sha256 digest\"}");
        lines.add("{\"status\":\"writing manifest\"}");
        lines.add("{\"status\":\"removing any unused layers\"}");
        lines.add("{\"status\":\"success\"}");
        return lines;
    }

    /** The chunks of a streamed {@code /api/chat} answer, as in Ollama's documentation: one per word, then the final one. */
    public static List<String> chatChunks(String model, String... words) {
        List<String> lines = new java.util.ArrayList<>();
        for (String word : words) {
            lines.add("{\"model\":\"" + model + "\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + word + "\"},\"done\":false}");
        }
        lines.add("{\"model\":\"" + model + "\",\"created_at\":\"2023-08-04T19:22:45.499127Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":26,"
                + "\"prompt_eval_duration\":342546000,\"eval_count\":" + words.length + ",\"eval_duration\":4535599000}");
        return lines;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            if (route.equals(heldRoute)) {
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            if (keepsModels && keptModels(exchange, route, body)) {
                return;
            }
            Script script = scripts.get(route);
            if (script != null) {
                play(exchange, script);
                return;
            }
            Answer answer = answers.get(route);
            if (answer == null) {
                // Ollama answers unknown routes with a plain 404
                byte[] notFound = "404 page not found".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
                return;
            }
            byte[] json = fixture(answer.fixture());
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), json.length);
            if (route.equals(stalledRoute)) {
                exchange.getResponseBody().write(json, 0, json.length / 2);
                exchange.getResponseBody().flush();
                released.await(30, TimeUnit.SECONDS);
                return;
            }
            exchange.getResponseBody().write(json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers the routes {@link #keepModels} owns; false for any other route. */
    private boolean keptModels(HttpExchange exchange, String route, String body) throws IOException, InterruptedException {
        switch (route) {
            case "GET /api/tags" -> {
                ObjectNode tags = JSON.createObjectNode();
                synchronized (disk) {
                    tags.putArray("models").addAll(List.copyOf(disk.values()));
                }
                sendJson(exchange, 200, JSON.writeValueAsBytes(tags));
            }
            case "DELETE /api/delete" -> {
                String name = JSON.readTree(body).path("model").asString("");
                if (disk.remove(tagged(name)) == null) {
                    sendJson(exchange, 404, JSON.writeValueAsBytes(Map.of("error", "model '" + name + "' not found")));
                } else {
                    exchange.sendResponseHeaders(200, -1);
                }
            }
            case "POST /api/pull" -> {
                String name = tagged(JSON.readTree(body).path("model").asString(""));
                JsonNode model = registry.get(name);
                if (model == null) {
                    play(exchange, Script.of(List.of("{\"status\":\"pulling manifest\"}",
                            "{\"error\":\"pull model manifest: file does not exist\"}")));
                    return true;
                }
                List<String> lines = pullLines(model, 8);
                // Ollama has written the manifest when it says "success": the model is listed from then on
                if (play(exchange, Script.of(lines.subList(0, lines.size() - 1)).paced(pullGap))) {
                    disk.put(name, model);
                    exchange.getResponseBody().write((lines.getLast() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Ollama's name of a model given without a tag. */
    private static String tagged(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    private static void sendJson(HttpExchange exchange, int status, byte[] json) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    /** Sends the script; true when every line went out. */
    private boolean play(HttpExchange exchange, Script script) throws IOException, InterruptedException {
        if (released.await(script.firstByteDelay().toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(script.status(), 0);
        try {
            for (String line : script.lines()) {
                exchange.getResponseBody().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                if (released.await(script.gap().toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            if (script.hangAtEnd()) {
                released.await(60, TimeUnit.SECONDS);
            }
            return true;
        } catch (IOException clientClosed) {
            clientsGone.incrementAndGet();
            return false;
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = StandInOllama.class.getResourceAsStream("/ollama/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;

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

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger clientsGone = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String heldRoute;
    private volatile String stalledRoute;

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

    private void play(HttpExchange exchange, Script script) throws IOException, InterruptedException {
        if (released.await(script.firstByteDelay().toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(script.status(), 0);
        try {
            for (String line : script.lines()) {
                exchange.getResponseBody().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                if (released.await(script.gap().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            if (script.hangAtEnd()) {
                released.await(60, TimeUnit.SECONDS);
            }
        } catch (IOException clientClosed) {
            clientsGone.incrementAndGet();
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

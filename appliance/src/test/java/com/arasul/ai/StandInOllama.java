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

/**
 * Stands in for Ollama on 127.0.0.1: answers each route with one of the documented example
 * responses under {@code src/test/resources/ollama}, and remembers what the client sent.
 */
final class StandInOllama implements AutoCloseable {

    record Request(String method, String path, String body) {
    }

    private record Answer(int status, String fixture) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String heldRoute;
    private volatile String stalledRoute;

    StandInOllama() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} with a fixture file and status. */
    StandInOllama answer(String method, String path, int status, String fixture) {
        answers.put(method + " " + path, new Answer(status, fixture));
        return this;
    }

    /** Keeps every request to this route waiting until the stand-in is closed: a hung Ollama. */
    StandInOllama hang(String method, String path) {
        heldRoute = method + " " + path;
        return this;
    }

    /** Sends the headers and half the body of this route, then stalls: an Ollama stuck mid-answer. */
    StandInOllama stallMidBody(String method, String path) {
        stalledRoute = method + " " + path;
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
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

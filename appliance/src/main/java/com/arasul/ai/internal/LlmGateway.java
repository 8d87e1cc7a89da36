package com.arasul.ai.internal;

import com.arasul.ai.AiServiceHealth;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one door to the language model: a global rate limit, at most N answers in flight and a short
 * queue, the default model, and Ollama's failures turned into sentences. Streams are handed out as
 * {@link Upstream}s that give their slot back when closed.
 */
@Component
class LlmGateway implements AutoCloseable {

    private final AiProperties ai;
    private final GatewayProperties properties;
    private final HttpClient http;
    private final JsonMapper json;
    private final AiSettings settings;
    private final ApplicationEventPublisher events;
    private final Bucket rate;
    private final Semaphore slots;
    private static final Duration DOWN_REPORT_INTERVAL = Duration.ofSeconds(30);

    private final AtomicInteger waiting = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastDownReport = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicReference<String> defaultModel = new AtomicReference<>();
    private final ScheduledExecutorService watchdogs = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("llm-idle-watch").daemon().factory());

    LlmGateway(AiProperties ai, GatewayProperties properties, HttpClient ollamaHttpClient, JsonMapper json,
            AiSettings settings, ApplicationEventPublisher events) {
        this.ai = ai;
        this.properties = properties;
        this.http = ollamaHttpClient;
        this.json = json;
        this.settings = settings;
        this.events = events;
        this.rate = Bucket.builder().addLimit(limit -> limit.capacity(properties.requestsPerSecond())
                .refillGreedy(properties.requestsPerSecond(), Duration.ofSeconds(1))).build();
        this.slots = new Semaphore(properties.maxInFlight(), true);
    }

    String defaultModel() {
        String known = defaultModel.get();
        if (known == null) {
            known = settings.get(AiSettings.DEFAULT_MODEL).orElse(ai.defaultModel());
            defaultModel.set(known);
        }
        return known;
    }

    void setDefaultModel(String model) {
        settings.put(AiSettings.DEFAULT_MODEL, model);
        defaultModel.set(model);
    }

    String where() {
        URI url = ai.llmUrl();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    int inFlight() {
        return properties.maxInFlight() - slots.availablePermits();
    }

    /** Opens a streamed {@code /api/chat}; the request's model is filled in when it has none. */
    Upstream chat(ObjectNode request) {
        if (!request.hasNonNull("model") || request.get("model").asString().isBlank()) {
            request.put("model", defaultModel());
        }
        request.put("stream", true);
        admit();
        try {
            return open("/api/chat", request, properties.firstByteTimeout(), slots::release);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** A streamed call outside the request slots (a model pull), with no first-byte limit but the idle one. */
    Upstream stream(String path, Object body) {
        return open(path, body, properties.firstByteTimeout(), () -> { });
    }

    /** A quick call (list, show, delete) answered as JSON. */
    JsonNode call(String method, String path, Object body) {
        return call(method, path, body, ai.readTimeout());
    }

    JsonNode call(String method, String path, Object body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ai.llmUrl().resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString(), timeout);
        String text = response.body();
        if (response.statusCode() == 404) {
            throw new LlmFailure(HttpStatus.NOT_FOUND, errorOf(text));
        }
        if (response.statusCode() >= 300) {
            throw refused(response.statusCode(), text);
        }
        return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
    }

    private Upstream open(String path, Object body, Duration firstByte, Runnable onClose) {
        HttpRequest request = HttpRequest.newBuilder(ai.llmUrl().resolve(path)).timeout(firstByte)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), firstByte);
        if (response.statusCode() >= 300) {
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            if (response.statusCode() == 404 && body instanceof JsonNode node && node.hasNonNull("model")) {
                throw LlmFailure.modelNotFound(node.get("model").asString());
            }
            throw refused(response.statusCode(), text);
        }
        return new Upstream(response.body(), properties.idleTimeout(), watchdogs, onClose);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration timeout) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            LlmFailure down = LlmFailure.notRunning(where());
            long now = System.nanoTime();
            long last = lastDownReport.get();
            // a burst of refused requests is one fact for the healing rules, not one per request
            if ((last == 0 || now - last > DOWN_REPORT_INTERVAL.toNanos()) && lastDownReport.compareAndSet(last, now)) {
                events.publishEvent(new AiServiceHealth(AiHealthProbe.LLM, false, down.getMessage(), null, Instant.now()));
            }
            throw down;
        } catch (HttpTimeoutException e) {
            throw new LlmFailure(HttpStatus.GATEWAY_TIMEOUT, "the language model did not start answering within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw LlmFailure.notRunning(where());
            }
            throw new LlmFailure(HttpStatus.BAD_GATEWAY, "the language model broke off the connection");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "the appliance is shutting down");
        }
    }

    private void admit() {
        if (!rate.tryConsume(1)) {
            throw new LlmFailure(HttpStatus.TOO_MANY_REQUESTS, "more than " + properties.requestsPerSecond()
                    + " requests per second to the language model; retry in a second", Duration.ofSeconds(1));
        }
        if (slots.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > properties.queue()) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!slots.tryAcquire(properties.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private LlmFailure busy() {
        return new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "the language model is busy with "
                + properties.maxInFlight() + " requests and " + properties.queue() + " waiting; try again shortly",
                Duration.ofSeconds(5));
    }

    private LlmFailure refused(int status, String body) {
        return new LlmFailure(HttpStatus.BAD_GATEWAY, "the language model refused the request (HTTP " + status + "): "
                + errorOf(body));
    }

    /** Ollama's {@code {"error": "..."}}, or the text itself when it is not that. */
    String errorOf(String body) {
        if (body == null || body.isBlank()) {
            return "no reason given";
        }
        try {
            JsonNode node = json.readTree(body);
            if (node.hasNonNull("error")) {
                return node.get("error").asString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the plain text
        }
        return body.length() > 200 ? body.substring(0, 200) : body.strip();
    }

    @Override
    public void close() {
        watchdogs.shutdownNow();
    }
}

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
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
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
 *
 * <p>Streamed answers (chats, pulls) go through a blocking Apache HttpClient with a small pool of
 * kept-alive connections: the thread of the request reads Ollama's socket itself, with no hand-over to
 * a selector thread and back per chunk as with the JDK's client, which measured as the largest part of
 * the gateway's overhead (docs/benchmarks.md). The quick JSON calls keep the JDK client.
 */
@Component
class LlmGateway implements AutoCloseable {

    private final AiProperties ai;
    private final GatewayProperties properties;
    private final HttpClient http;
    private final CloseableHttpClient streams;
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
        this.streams = streamClient(ai, properties);
    }

    /**
     * At most one connection per answer in flight plus a pull and a spare; connecting within the
     * connect timeout, each read within the first-byte timeout (the gaps between chunks are watched
     * by {@link Upstream}); never a retry, a redirect or a cookie.
     */
    private static CloseableHttpClient streamClient(AiProperties ai, GatewayProperties properties) {
        int connections = properties.maxInFlight() + 2;
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(ai.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.firstByteTimeout()))
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(ai.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.firstByteTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
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
        HttpPost request = new HttpPost(ai.llmUrl().resolve(path));
        request.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(firstByte))
                .setConnectionRequestTimeout(Timeout.of(ai.connectTimeout())).build());
        ClassicHttpResponse response;
        try {
            response = streams.executeOpen(null, request, null);
        } catch (IOException e) {
            throw failure(e, firstByte);
        }
        try {
            HttpEntity entity = response.getEntity();
            if (response.getCode() >= 300 || entity == null) {
                String text = "";
                if (entity != null) {
                    try (InputStream in = entity.getContent()) {
                        text = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        // the reason stays unknown
                    }
                }
                if (response.getCode() == 404 && body instanceof JsonNode node && node.hasNonNull("model")) {
                    throw LlmFailure.modelNotFound(node.get("model").asString());
                }
                throw refused(response.getCode(), text);
            }
            // dropping the connection, not draining it, ends an answer early: Ollama stops generating
            return new Upstream(entity.getContent(), () -> {
                request.cancel();
                try {
                    response.close();
                } catch (IOException alreadyDropped) {
                    // cancelled: the connection is gone either way
                }
            }, properties.idleTimeout(), watchdogs, onClose);
        } catch (IOException e) {
            request.cancel();
            throw failure(e, firstByte);
        } catch (RuntimeException e) {
            request.cancel();
            throw e;
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Duration timeout) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw failure(e, timeout);
        } catch (UnresolvedAddressException e) {
            throw down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "the appliance is shutting down");
        }
    }

    /** What a failed call to Ollama means, in a sentence. */
    private LlmFailure failure(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectTimeoutException || e instanceof ConnectException
                || e instanceof UnknownHostException) {
            return down();
        }
        if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
            return new LlmFailure(HttpStatus.GATEWAY_TIMEOUT, "the language model did not start answering within "
                    + timeout.toSeconds() + " s");
        }
        if (e.getCause() instanceof ConnectException) {
            return LlmFailure.notRunning(where());
        }
        if (e instanceof java.io.InterruptedIOException) {
            Thread.currentThread().interrupt();
            return new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE, "the appliance is shutting down");
        }
        return new LlmFailure(HttpStatus.BAD_GATEWAY, "the language model broke off the connection");
    }

    /** Ollama is not there; a burst of refused requests is one fact for the healing rules, not one per request. */
    private LlmFailure down() {
        LlmFailure down = LlmFailure.notRunning(where());
        long now = System.nanoTime();
        long last = lastDownReport.get();
        if ((last == 0 || now - last > DOWN_REPORT_INTERVAL.toNanos()) && lastDownReport.compareAndSet(last, now)) {
            events.publishEvent(new AiServiceHealth(AiHealthProbe.LLM, false, down.getMessage(), null, Instant.now()));
        }
        return down;
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
        streams.close(CloseMode.GRACEFUL);
    }
}

package com.arasul.ai.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads a model through Ollama's {@code /api/pull}, one at a time, in the appliance rather than in
 * the browser: the job goes on when the dashboard is closed, and can be cancelled.
 */
@Component
class ModelPulls {

    /** The state of the current (or last) pull. */
    record Pull(String id, String model, String state, String status, String digest, long total, long completed,
            Double percent, String error, @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt) {

        boolean running() {
            return "running".equals(state);
        }

        /**
         * The pull after one of Ollama's lines. Lines without a byte count ({@code verifying sha256 digest},
         * {@code writing manifest}) keep the last one, so a finished pull still says how much it downloaded.
         */
        Pull progress(String status, String digest, long total, long completed) {
            if (total <= 0) {
                return new Pull(id, model, state, status, digest != null ? digest : this.digest, this.total,
                        this.completed, percent, null, startedAt, null);
            }
            Double percent = Double.valueOf(Math.min(100.0, Math.round(1000.0 * completed / total) / 10.0));
            return new Pull(id, model, state, status, digest != null ? digest : this.digest, total, completed, percent,
                    null, startedAt, null);
        }

        Pull end(String state, String status, String error) {
            return new Pull(id, model, state, status, digest, total, completed,
                    "succeeded".equals(state) ? Double.valueOf(100.0) : percent, error, startedAt, Instant.now());
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ModelPulls.class);

    private final LlmGateway gateway;
    private final JsonMapper json;
    private final Object changed = new Object();
    private volatile Pull current;
    private volatile Upstream upstream;
    private volatile boolean cancelled;

    ModelPulls(LlmGateway gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    Pull current() {
        return current;
    }

    synchronized Pull start(String model) {
        if (current != null && current.running()) {
            throw new LlmFailure(HttpStatus.CONFLICT, "the model '" + current.model()
                    + "' is being pulled; wait for it or cancel it first");
        }
        cancelled = false;
        current = new Pull(UUID.randomUUID().toString(), model, "running", "starting", null, 0, 0, null, null,
                Instant.now(), null);
        Thread.ofVirtual().name("model-pull").start(() -> run(model));
        return current;
    }

    /** Stops the running pull; answers false when none was running. */
    boolean cancel() {
        Pull pull = current;
        if (pull == null || !pull.running()) {
            return false;
        }
        cancelled = true;
        Upstream open = upstream;
        if (open != null) {
            open.close();
        }
        return true;
    }

    /** Waits up to the given time for the pull to change, then answers it as it is. */
    Pull awaitChange(Pull seen, long millis) throws InterruptedException {
        synchronized (changed) {
            if (current == seen) {
                changed.wait(millis);
            }
        }
        return current;
    }

    private void run(String model) {
        try (Upstream stream = gateway.stream("/api/pull", json.valueToTree(Map.of("model", model, "stream", true)))) {
            upstream = stream;
            String line;
            while ((line = stream.nextLine()) != null) {
                JsonNode progress = json.readTree(line);
                if (progress.hasNonNull("error")) {
                    update(current.end("failed", "failed", plain(progress.get("error").asString())));
                    return;
                }
                String status = progress.path("status").asString("");
                if ("success".equals(status)) {
                    update(current.end("succeeded", status, null));
                    log.info("Model {} pulled", model);
                    return;
                }
                update(current.progress(status, progress.path("digest").asString(null), progress.path("total").asLong(0),
                        progress.path("completed").asLong(0)));
            }
            update(current.end(cancelled ? "cancelled" : "failed", cancelled ? "cancelled" : "ended",
                    cancelled ? null : "the language model ended the download without finishing it"));
        } catch (LlmFailure failure) {
            update(current.end(cancelled ? "cancelled" : "failed", "failed", cancelled ? null : failure.getMessage()));
        } catch (RuntimeException e) {
            update(current.end(cancelled ? "cancelled" : "failed", "failed", cancelled ? null
                    : "the download broke off: " + e.getMessage()));
        } finally {
            upstream = null;
        }
    }

    private void update(Pull pull) {
        current = pull;
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** Ollama's words for a box without a way out, as the owner would say it. */
    static String plain(String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        if (lower.contains("dial tcp") || lower.contains("no such host") || lower.contains("network is unreachable")
                || lower.contains("i/o timeout") || lower.contains("connection refused")) {
            return "the box cannot download models: it has no connection to the model registry (" + error + ")";
        }
        if (lower.contains("file does not exist") || lower.contains("manifest unknown")) {
            return "the model registry has no such model (" + error + ")";
        }
        return error;
    }
}

package com.arasul.telemetry.internal;

import com.arasul.platform.LiveConnections;
import com.arasul.platform.WebSocketBroadcaster;
import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.internal.TelemetryProperties.LiveStream;
import java.util.concurrent.Executor;
import org.springframework.web.socket.WebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/metrics/live-stream}: every sample, as JSON, to every connected client, and the newest one to a
 * client as soon as it connects (so the dashboard shows a live value at once). Sending happens on a
 * small bounded executor, never on the sampling thread; each session has a bounded send buffer and a send
 * time limit, and a client that cannot keep up is dropped.
 */
final class LiveStreamHandler {

    private final WebSocketBroadcaster clients;
    private final JsonMapper json;

    LiveStreamHandler(LiveStream limits, Executor sender, JsonMapper json, LiveConnections connections) {
        this.clients = new WebSocketBroadcaster("live-stream", new WebSocketBroadcaster.Limits(limits.maxSessions(),
                limits.sendTimeLimit(), limits.sendBufferBytes()), sender, connections, true);
        this.json = json;
    }

    /** What to register at {@link TelemetryConfiguration#LIVE_STREAM_PATH}. */
    WebSocketHandler endpoint() {
        return clients;
    }

    void broadcast(MetricSample sample) {
        clients.broadcast(() -> json.writeValueAsString(LiveSampleJson.of(sample, sample.timestamp())));
    }

    int sessionCount() {
        return clients.sessionCount();
    }
}

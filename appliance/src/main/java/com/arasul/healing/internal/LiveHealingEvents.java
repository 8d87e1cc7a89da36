package com.arasul.healing.internal;

import com.arasul.platform.LiveConnections;
import com.arasul.platform.WebSocketBroadcaster;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.web.socket.WebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/self-healing/live}: every recorded healing event, as JSON, to every connected client.
 * Sends run on a small bounded executor; each client has a bounded send buffer and a send time
 * limit, and one that cannot keep up is dropped (it may reconnect and read the events API).
 */
public class LiveHealingEvents implements Consumer<HealingEvent> {

    public static final String PATH = "/api/self-healing/live";

    private final WebSocketBroadcaster clients;
    private final JsonMapper json;

    public LiveHealingEvents(HealingEngineProperties limits, Executor sender, JsonMapper json, LiveConnections connections) {
        this.clients = new WebSocketBroadcaster("self-healing live", new WebSocketBroadcaster.Limits(
                limits.liveMaxSessions(), limits.liveSendTimeLimit(), limits.liveSendBufferBytes()), sender, connections);
        this.json = json;
    }

    /** What to register at {@link #PATH}. */
    public WebSocketHandler endpoint() {
        return clients;
    }

    @Override
    public void accept(HealingEvent event) {
        clients.broadcast(() -> json.writeValueAsString(event));
    }
}

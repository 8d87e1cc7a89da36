package com.arasul.telemetry.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.store.SimpleMessageStore;
import org.springframework.stereotype.Component;

/**
 * On shutdown, after the pollers have stopped (sampling and the store poller stop first, at a higher phase) but
 * while the flows' consumers still run: closes the open buckets and writes every pending row, so a SIGTERM loses
 * at most the sample in flight.
 */
@Component
class TelemetryShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryShutdown.class);

    private final SimpleMessageStore bucketStore;
    private final MetricRowStore store;
    private final TelemetryProperties properties;
    private volatile boolean running;

    TelemetryShutdown(SimpleMessageStore bucketStore, MetricRowStore store, TelemetryProperties properties) {
        this.bucketStore = bucketStore;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // releases the open buckets through the aggregator into the buffer
        bucketStore.expireMessageGroups(0);
        int written = store.flushAll(properties.buffer().batchSize());
        log.info("Telemetry stopped; {} pending metric rows written", written);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}

package com.arasul.telemetry.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregated rows waiting for the database. Bounded: when it is full the oldest rows are dropped (the newest
 * history matters most after an outage), counted and logged once per outage, never silently.
 */
final class MetricRowBuffer {

    private static final Logger log = LoggerFactory.getLogger(MetricRowBuffer.class);

    private final int capacity;
    private final ArrayDeque<MetricRow> rows;
    private final AtomicLong dropped = new AtomicLong();
    private boolean droppingLogged;

    MetricRowBuffer(int capacity) {
        this.capacity = capacity;
        this.rows = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void bindTo(MeterRegistry registry) {
        Gauge.builder("arasul.telemetry.buffer.rows", this, MetricRowBuffer::size)
                .description("aggregated metric rows waiting for the database").register(registry);
        Gauge.builder("arasul.telemetry.buffer.dropped", dropped, AtomicLong::get)
                .description("aggregated metric rows dropped because the buffer was full").register(registry);
    }

    synchronized void addAll(Collection<MetricRow> newRows) {
        for (MetricRow row : newRows) {
            if (rows.size() >= capacity) {
                rows.pollFirst();
                countDrop();
            }
            rows.addLast(row);
        }
    }

    /** Takes up to {@code max} of the oldest rows out; null when there are none (a poller then sends nothing). */
    synchronized List<MetricRow> drain(int max) {
        if (rows.isEmpty()) {
            return null;
        }
        List<MetricRow> batch = new ArrayList<>(Math.min(max, rows.size()));
        while (batch.size() < max && !rows.isEmpty()) {
            batch.add(rows.pollFirst());
        }
        return batch;
    }

    /** Puts a batch that could not be written back in front, dropping its oldest rows if newer ones filled the room. */
    synchronized void putBack(List<MetricRow> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (rows.size() >= capacity) {
                countDrop();
                continue;
            }
            rows.addFirst(batch.get(i));
        }
    }

    synchronized int size() {
        return rows.size();
    }

    long dropped() {
        return dropped.get();
    }

    /** Called once the database took rows again, so the next overflow is logged again. */
    synchronized void resetDropLog() {
        droppingLogged = false;
    }

    private void countDrop() {
        dropped.incrementAndGet();
        if (!droppingLogged) {
            droppingLogged = true;
            log.warn("The metric buffer is full ({} rows): dropping the oldest rows until the database is back",
                    capacity);
        }
    }
}

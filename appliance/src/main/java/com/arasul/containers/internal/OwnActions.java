package com.arasul.containers.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * When the appliance itself acted on which container: a stop, restart or removal it runs is
 * recorded with its start and end, so that the events Docker reports for that container in that
 * time (its {@code kill}, {@code die}, {@code destroy}) are known as the appliance's own. Nothing
 * else is: there is no window over other containers or other times.
 */
final class OwnActions {

    /** Docker stamps an event a little before the API call that caused it returns; this much slack either side. */
    private static final Duration SLACK = Duration.ofMillis(250);
    private static final Duration KEPT = Duration.ofMinutes(2);
    private static final int MAX_CONTAINERS = 1000;

    private final Map<String, Deque<Window>> windows = new HashMap<>();

    /** Runs {@code action} on the container as the appliance's own. */
    <T> T during(String containerId, Supplier<T> action) {
        Window w = new Window(Instant.now());
        synchronized (this) {
            forgetOld(w.start);
            windows.computeIfAbsent(containerId, id -> new ArrayDeque<>()).addLast(w);
        }
        try {
            return action.get();
        } finally {
            w.end = Instant.now();
        }
    }

    /** Whether Docker's event on this container at {@code at} came of one of the appliance's own actions. */
    synchronized boolean covers(String containerId, Instant at) {
        Deque<Window> ws = windows.get(containerId);
        if (ws == null) {
            return false;
        }
        for (Window w : ws) {
            Instant end = w.end;
            if (!at.isBefore(w.start.minus(SLACK)) && (end == null || !at.isAfter(end.plus(SLACK)))) {
                return true;
            }
        }
        return false;
    }

    private void forgetOld(Instant now) {
        windows.values().forEach(ws -> ws.removeIf(w -> w.end != null && w.end.isBefore(now.minus(KEPT))));
        windows.values().removeIf(Deque::isEmpty);
        if (windows.size() > MAX_CONTAINERS) {
            windows.clear(); // thousands of containers acted on within two minutes: forget rather than grow
        }
    }

    private static final class Window {
        private final Instant start;
        private volatile Instant end;

        Window(Instant start) {
            this.start = start;
        }
    }
}

package com.arasul.healing.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs actions side by side, one at a time per lane: each service has its own lane and the host's
 * actions (the ordered restart of every service, cleanup, vacuum, GPU, reboot) share one. So a long
 * action (an ordered restart, a reboot's grace period) never holds up the restart of a service
 * that just crashed, and two actions on one service never overlap. At most {@code threads} run at
 * once and at most {@code capacity} wait; beyond that an action is refused and logged.
 */
public final class ActionLanes implements AutoCloseable {

    static final String HOST = "host";
    private static final Logger log = LoggerFactory.getLogger(ActionLanes.class);

    private final ThreadPoolExecutor pool;
    private final int capacity;
    private final Map<String, Deque<Runnable>> lanes = new HashMap<>();
    private int waiting;

    public ActionLanes(int threads, int capacity) {
        this.capacity = capacity;
        CustomizableThreadFactory factory = new CustomizableThreadFactory("healing-action-");
        factory.setDaemon(true);
        // never more runnables than lanes, and never more lanes than waiting actions: the queue cannot overflow
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(capacity), factory, new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** A service's own lane, or the host's for what is not about one service. */
    public static String laneOf(PlannedAction action) {
        String service = action.request().service();
        return switch (action.type()) {
            case RESTART_SERVICE, STOP_START_SERVICE, STOP_SERVICE, LLM_CACHE_CLEAR, LLM_SESSION_RESET ->
                    service == null ? HOST : "service:" + service;
            default -> HOST;
        };
    }

    /** Queues {@code action} behind the earlier ones of its lane; false when too many wait already. */
    public synchronized boolean submit(String lane, Runnable action) {
        if (waiting >= capacity) {
            log.warn("healing actions full ({} waiting): an action for {} was dropped", waiting, lane);
            return false;
        }
        waiting++;
        Deque<Runnable> queue = lanes.computeIfAbsent(lane, l -> new ArrayDeque<>());
        queue.addLast(action);
        if (queue.size() == 1) {
            pool.execute(() -> drain(lane));
        }
        return true;
    }

    private void drain(String lane) {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = lanes.get(lane).peekFirst();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.warn("a healing action on lane {} failed: {}", lane, e.toString());
            }
            synchronized (this) {
                Deque<Runnable> queue = lanes.get(lane);
                queue.pollFirst();
                waiting--;
                if (queue.isEmpty()) {
                    lanes.remove(lane);
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

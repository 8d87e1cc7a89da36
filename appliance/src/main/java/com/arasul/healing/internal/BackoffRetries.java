package com.arasul.healing.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.healing.ActionRequest;
import com.arasul.healing.ActionType;
import com.arasul.healing.SafetyFloor;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A restart the safety floor held back only for its back-off is asked for again once the back-off
 * is over, if the service is still down, as Kubernetes' CrashLoopBackOff restarts after its pause.
 * Without it a crash right after a restart would wait for the next failure the poll finds, and
 * that failure would count once more towards category C. One retry waits per service at most.
 */
public final class BackoffRetries implements AutoCloseable {

    private static final Set<ActionType> RESTARTS = Set.of(ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE);
    private static final Duration LATE = Duration.ofMillis(200);

    private final SafetyFloor floor;
    private final ContainerActions containers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("healing-backoff").factory());
    private final Map<String, ScheduledFuture<?>> waiting = new ConcurrentHashMap<>();
    private volatile Consumer<ActionRequest> again = request -> { };

    public BackoffRetries(SafetyFloor floor, ContainerActions containers) {
        this.floor = floor;
        this.containers = containers;
    }

    /** Where a request goes when it is asked for again: back to the decider, the way it came. */
    public void askAgainThrough(Consumer<ActionRequest> decisions) {
        this.again = decisions;
    }

    /** The floor refused {@code request}; if only for the back-off, ask again when it is over. */
    void heldBack(ActionRequest request) {
        String service = request.service();
        if (!RESTARTS.contains(request.type()) || service == null || floor.needsAttention().contains(service)) {
            return;
        }
        Duration wait = floor.backoffRemaining(service);
        if (wait.isZero()) {
            return;
        }
        waiting.compute(service, (s, earlier) -> {
            if (earlier != null) {
                earlier.cancel(false);
            }
            return timer.schedule(() -> {
                waiting.remove(s);
                if (stillDown(s)) {
                    again.accept(request);
                }
            }, wait.plus(LATE).toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private boolean stillDown(String service) {
        return containers.service(service).map(s -> !s.running() || "unhealthy".equals(s.health())).orElse(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package com.arasul.containers.internal;

import com.arasul.containers.ContainerEvent;
import com.github.dockerjava.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells from Docker's event stream why a container stopped. {@code docker stop}, {@code kill},
 * {@code rm -f} and {@code compose stop/down} send a {@code kill} before the {@code die}; a crash
 * sends {@code die} alone; the OOM killer sends {@code oom} first. A kill or removal during one of
 * the appliance's own actions on that container ({@link OwnActions}) is the appliance's.
 * Events of one container arrive in order on the events thread.
 */
public final class EventClassifier {

    /** A kill is taken as the cause of a die this long after it at most (a stop waits for the grace period). */
    private static final Duration KILL_REACH = Duration.ofMinutes(5);
    private static final Duration OOM_REACH = Duration.ofSeconds(30);
    private static final int MAX_PENDING = 1000;

    private final OwnActions own;
    private final Map<String, Instant> kills = new HashMap<>();
    private final Map<String, Instant> ooms = new HashMap<>();

    EventClassifier(OwnActions own) {
        this.own = own;
    }

    public synchronized ContainerEvent classify(Event event) {
        ContainerEvent e = EventMapping.toContainerEvent(event, null);
        String id = e.containerId();
        boolean ours = own.covers(id, e.timestamp());
        String cause = switch (e.action()) {
            case ContainerEvent.KILL -> {
                remember(kills, id, e.timestamp());
                yield ours ? ContainerEvent.APPLIANCE : ContainerEvent.ADMINISTRATOR;
            }
            case ContainerEvent.OOM -> {
                remember(ooms, id, e.timestamp());
                yield ContainerEvent.OOM;
            }
            case ContainerEvent.DIE -> died(id, e.timestamp(), ours);
            case ContainerEvent.DESTROY -> {
                kills.remove(id);
                ooms.remove(id);
                yield ours ? ContainerEvent.APPLIANCE : ContainerEvent.ADMINISTRATOR;
            }
            case ContainerEvent.START, ContainerEvent.CREATE, ContainerEvent.RESTART, ContainerEvent.STOP ->
                    ours ? ContainerEvent.APPLIANCE : null;
            default -> null;
        };
        return cause == null ? e : EventMapping.toContainerEvent(event, cause);
    }

    private String died(String id, Instant at, boolean ours) {
        Instant kill = kills.remove(id);
        Instant oom = ooms.remove(id);
        if (ours) {
            return ContainerEvent.APPLIANCE;
        }
        if (oom != null && !oom.isBefore(at.minus(OOM_REACH))) {
            return ContainerEvent.OOM;
        }
        if (kill != null && !kill.isBefore(at.minus(KILL_REACH))) {
            return ContainerEvent.ADMINISTRATOR;
        }
        return ContainerEvent.CRASH;
    }

    private static void remember(Map<String, Instant> pending, String id, Instant at) {
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(t -> t.isBefore(at.minus(KILL_REACH)));
            if (pending.size() >= MAX_PENDING) {
                pending.clear();
            }
        }
        pending.put(id, at);
    }
}

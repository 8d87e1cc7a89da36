package com.arasul.containers.internal;

import com.arasul.containers.ContainerEvent;
import com.arasul.containers.ServiceLabels;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Turns Docker's raw events into {@link ContainerEvent}s, for managed containers only. */
public final class EventMapping {

    static final Set<String> ACTIONS = Set.of(
            ContainerEvent.DIE, ContainerEvent.OOM, ContainerEvent.HEALTH_STATUS, ContainerEvent.START,
            ContainerEvent.STOP, ContainerEvent.RESTART, ContainerEvent.KILL, ContainerEvent.CREATE,
            ContainerEvent.DESTROY);

    private EventMapping() {
    }

    /** A container event we care about, of a container labelled {@code arasul.service}. */
    public static boolean isManaged(Event event) {
        if (event.getType() != EventType.CONTAINER || event.getActor() == null) {
            return false;
        }
        Map<String, String> attributes = attributes(event);
        String service = attributes.get(ServiceLabels.SERVICE);
        return service != null && !service.isBlank() && ACTIONS.contains(action(event));
    }

    /** Its cause is told by {@link EventClassifier}, which knows the events before it. */
    static ContainerEvent toContainerEvent(Event event, String cause) {
        Map<String, String> attributes = attributes(event);
        String raw = rawAction(event);
        int colon = raw.indexOf(':');
        String health = colon > 0 ? raw.substring(colon + 1).trim() : null;
        return new ContainerEvent(
                attributes.get(ServiceLabels.SERVICE),
                event.getActor().getId(),
                action(event),
                ContainerEvent.HEALTH_STATUS.equals(action(event)) ? health : null,
                exitCode(attributes.get("exitCode")),
                timestamp(event),
                cause);
    }

    static String action(Event event) {
        String raw = rawAction(event);
        int colon = raw.indexOf(':');
        return colon > 0 ? raw.substring(0, colon).trim() : raw;
    }

    static Instant timestamp(Event event) {
        if (event.getTimeNano() != null) {
            long nanos = event.getTimeNano();
            return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        }
        return event.getTime() == null ? Instant.now() : Instant.ofEpochSecond(event.getTime());
    }

    private static String rawAction(Event event) {
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        return action == null ? "" : action;
    }

    private static Map<String, String> attributes(Event event) {
        return event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
    }

    private static Integer exitCode(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package com.arasul.healing.internal;

import java.time.Instant;

/**
 * One row of {@code self_healing_events}, as stored, listed and pushed live.
 *
 * @param eventType one of {@link EventTypes#ALL}
 * @param severity one of {@link EventTypes#SEVERITIES}
 * @param rule the rule that fired, null when no rule was involved
 * @param description a sentence for the owner
 * @param actionTaken the action type, when the event is about one
 */
public record HealingEvent(Long id, Instant timestamp, String eventType, String severity, String category,
        String service, String rule, String description, String actionTaken, String mode) {
}

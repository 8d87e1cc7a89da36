package com.arasul.healing.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /api/self-healing/events}, checked against whitelists before it comes
 * near SQL; a bad value is an {@link IllegalArgumentException}, which the API answers with 400.
 */
record EventsFilter(int limit, int offset, String severity, String eventType, Instant since) {

    static final int MAX_LIMIT = 500;
    static final int MAX_OFFSET = 100_000;

    static EventsFilter of(Integer limit, Integer offset, String severity, String eventType, String since) {
        int l = limit == null ? 50 : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (o < 0 || o > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET);
        }
        if (severity != null && !EventTypes.SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("severity must be one of " + new java.util.TreeSet<>(EventTypes.SEVERITIES));
        }
        if (eventType != null && !EventTypes.ALL.contains(eventType)) {
            throw new IllegalArgumentException("event_type must be one of " + new java.util.TreeSet<>(EventTypes.ALL));
        }
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        }
        return new EventsFilter(l, o, severity, eventType, from);
    }

    /** Pages of the other lists: the same bounds, no filters. */
    static EventsFilter page(Integer limit, Integer offset) {
        return of(limit, offset, null, null, null);
    }
}

package com.arasul.workflows.internal;

import com.arasul.workflows.internal.N8nClient.N8nUnavailable;
import com.arasul.workflows.internal.N8nWire.Execution;
import com.arasul.workflows.internal.N8nWire.ExecutionPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.metadata.MetadataStore;

/**
 * Reads what is new in n8n's executions since the last poll and records it. "New" is everything
 * above a watermark, the highest execution ID below which every execution has been recorded in its
 * final state; it lives in the metadata store, so a restart neither loses nor repeats anything. An
 * execution still running holds the watermark below itself (for at most {@link #HOLD}), so that its
 * end is read on a later poll; n8n lists the executions running right now only when asked for them
 * alone, so they are asked for first. Pages are read newest first and at most {@code maxPages} of them.
 */
class ExecutionPoller {

    static final String WATERMARK_KEY = "n8n.executions.watermark";
    /** How long a running or waiting execution may hold the watermark back. */
    static final Duration HOLD = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ExecutionPoller.class);

    private final N8nClient n8n;
    private final WorkflowActivity activity;
    private final MetadataStore store;
    private final int maxPages;
    private final Map<String, String> names = new HashMap<>();

    ExecutionPoller(N8nClient n8n, WorkflowActivity activity, MetadataStore store, int maxPages) {
        this.n8n = n8n;
        this.activity = activity;
        this.store = store;
        this.maxPages = maxPages;
    }

    /** One poll: returns how many executions were recorded; an unreachable n8n throws {@link N8nUnavailable}. */
    int poll(Instant now) {
        long watermark = watermark();
        List<Execution> running = n8n.executions(null, "running").data();
        List<Execution> fresh = new ArrayList<>();
        String cursor = null;
        boolean reachedWatermark = false;
        for (int page = 0; page < maxPages && !reachedWatermark; page++) {
            ExecutionPage executions = n8n.executions(cursor, null);
            for (Execution e : executions.data()) {
                Long id = numeric(e.id());
                if (id == null) {
                    continue;
                }
                if (id <= watermark) {
                    reachedWatermark = true;
                    break;
                }
                fresh.add(e);
            }
            cursor = executions.nextCursor();
            if (cursor == null || cursor.isBlank()) {
                reachedWatermark = true;
            }
        }
        if (!reachedWatermark) {
            log.warn("More than {} pages of new n8n executions: only the newest are recorded", maxPages);
        }
        fresh.sort(Comparator.comparing(e -> numeric(e.id())));
        long next = watermark;
        boolean held = false;
        for (Execution e : fresh) {
            WorkflowStatus status = statusOf(e);
            record(e, status);
            held |= holds(e, status, now);
            if (!held) {
                next = numeric(e.id());
            }
        }
        for (Execution e : running) {
            Long id = numeric(e.id());
            if (id != null && id > watermark) {
                WorkflowStatus status = statusOf(e);
                record(e, status);
                if (holds(e, status, now)) {
                    next = Math.min(next, id - 1);
                }
            }
        }
        next = Math.max(next, watermark);
        if (next != watermark) {
            store.put(WATERMARK_KEY, Long.toString(next));
        }
        return fresh.size();
    }

    /** A recent execution that has not ended keeps the watermark below itself. */
    private static boolean holds(Execution e, WorkflowStatus status, Instant now) {
        return !status.finished() && (e.startedAt() == null || e.startedAt().isAfter(now.minus(HOLD)));
    }

    private void record(Execution e, WorkflowStatus status) {
        String error = null;
        if (status.failed() && !activity.finishedByPoll(e.id())) {
            try {
                error = n8n.errorMessage(e.id());
            } catch (N8nUnavailable unreadable) {
                error = null; // the status is recorded anyway; the text is a nicety
            }
        }
        activity.fromPoll(e.id(), e.workflowId(), nameOf(e.workflowId()), status, e.mode(), e.startedAt(),
                e.stoppedAt(), error);
    }

    private String nameOf(String workflowId) {
        if (workflowId == null) {
            return "(unknown workflow)";
        }
        if (!names.containsKey(workflowId)) {
            names.clear(); // renamed and deleted workflows go too; bounded by n8n's own list
            names.putAll(n8n.workflowNames(maxPages));
        }
        return names.getOrDefault(workflowId, "workflow " + workflowId);
    }

    private long watermark() {
        String value = store.get(WATERMARK_KEY);
        Long parsed = value == null ? null : numeric(value);
        return parsed == null ? 0 : parsed;
    }

    static WorkflowStatus statusOf(Execution e) {
        return WorkflowStatus.of(e.status()).orElseGet(() -> Boolean.TRUE.equals(e.finished()) ? WorkflowStatus.SUCCESS
                : e.stoppedAt() != null ? WorkflowStatus.ERROR : WorkflowStatus.RUNNING);
    }

    private static Long numeric(String id) {
        try {
            return id == null ? null : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

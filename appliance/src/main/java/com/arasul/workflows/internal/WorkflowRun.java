package com.arasul.workflows.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One execution of a workflow as the appliance recorded it.
 *
 * @param executionId n8n's execution ID, null for a push that did not name one
 * @param workflowName the workflow's name
 * @param status {@code success}, {@code error}, {@code crashed}, {@code canceled}, {@code running} or {@code waiting}
 * @param startedAt when it started (or, for a push without a poll, when it was reported)
 * @param finishedAt when it ended, null while it runs or when only a push told of it
 * @param durationMs how long it ran, null when unknown
 * @param error why it failed, null when it did not
 * @param source which door told of it: {@code poll}, {@code push} or {@code both}
 */
public record WorkflowRun(
        @JsonProperty("execution_id") String executionId,
        @JsonProperty("workflow_name") String workflowName,
        String status,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("duration_ms") Long durationMs,
        String error,
        String source) {
}

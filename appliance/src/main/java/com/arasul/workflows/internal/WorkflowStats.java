package com.arasul.workflows.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One workflow's figures over a period; rates are 0–1 of the finished runs, durations of finished runs. */
record WorkflowStats(
        @JsonProperty("workflow_name") String workflowName,
        long runs,
        long failures,
        @JsonProperty("success_rate") Double successRate,
        @JsonProperty("avg_duration_ms") Long avgDurationMs,
        @JsonProperty("p95_duration_ms") Long p95DurationMs,
        @JsonProperty("last_run_at") Instant lastRunAt) {
}

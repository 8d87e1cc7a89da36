package com.arasul.workflows.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A workflow that ran in the period, with how its latest run went. */
record ActiveWorkflow(
        @JsonProperty("workflow_name") String workflowName,
        long runs,
        @JsonProperty("last_run_at") Instant lastRunAt,
        @JsonProperty("last_status") String lastStatus) {
}

package com.arasul.workflows.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** n8n's public API ({@code /api/v1}) as its OpenAPI document describes it; only the fields read here. */
final class N8nWire {

    private N8nWire() {
    }

    /** One page of {@code GET /api/v1/executions}; newest first, {@code nextCursor} null on the last page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExecutionPage(List<Execution> data, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Execution(String id, String workflowId, String status, String mode, Instant startedAt, Instant stoppedAt,
            Boolean finished) {
    }

    /** {@code GET /api/v1/executions/{id}?includeData=true}: where a failed run says why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExecutionDetail(String id, Data data) {

        String errorMessage() {
            return data == null || data.resultData() == null || data.resultData().error() == null ? null
                    : data.resultData().error().message();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(ResultData resultData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResultData(Error error, String lastNodeExecuted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String message) {
    }

    /** One page of {@code GET /api/v1/workflows}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkflowPage(List<Workflow> data, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Workflow(String id, String name, Boolean active) {
    }
}

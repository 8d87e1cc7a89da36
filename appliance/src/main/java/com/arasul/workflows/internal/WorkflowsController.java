package com.arasul.workflows.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What n8n ran: the dashboard's summary, the history, per-workflow statistics, and the push door. */
@RestController
@RequestMapping("/api/workflows")
class WorkflowsController {

    private static final Duration DAY = Duration.ofHours(24);
    private static final int RECENT = 10;

    private final WorkflowActivity activity;
    private final N8nWatch watch;

    WorkflowsController(WorkflowActivity activity, N8nWatch watch) {
        this.activity = activity;
        this.watch = watch;
    }

    @Operation(summary = "The workflow summary of the dashboard: n8n's state, runs, failures and success rate"
            + " in 24 h and today, the last failure and the latest runs")
    @GetMapping("/activity")
    Activity activity() {
        Instant now = Instant.now();
        WorkflowActivity.Counts day = activity.counts(now.minus(DAY));
        WorkflowActivity.Counts today = activity.counts(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant());
        return new Activity(now, watch.state(), new Period(day.runs(), day.failures(), day.successRate()),
                new Period(today.runs(), today.failures(), today.successRate()), activity.lastFailure(),
                activity.history(null, null, Instant.EPOCH, RECENT));
    }

    @Operation(summary = "Recorded runs, newest first, filtered by workflow name, status and start time")
    @GetMapping("/history")
    History history(@RequestParam(required = false) String workflow, @RequestParam(required = false) String status,
            @RequestParam(required = false) String since, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, was " + limit);
        }
        WorkflowStatus wanted = status == null || status.isBlank() ? null : WorkflowStatus.of(status)
                .orElseThrow(() -> new IllegalArgumentException("status must be one of " + WorkflowStatus.choices()
                        + ", was '" + status + "'"));
        Instant from = since == null || since.isBlank() ? Instant.EPOCH : instant("since", since);
        String name = workflow == null || workflow.isBlank() ? null : workflow;
        return new History(Instant.now(), activity.history(name, wanted, from, limit));
    }

    @Operation(summary = "Per workflow over 24 h or 7 days: runs, failures, success rate, average and p95 duration")
    @GetMapping("/stats")
    Stats stats(@RequestParam(defaultValue = "7d") String range) {
        Duration period = switch (range) {
            case "24h" -> DAY;
            case "7d" -> Duration.ofDays(7);
            default -> throw new IllegalArgumentException("range must be one of 24h, 7d, was '" + range + "'");
        };
        Instant now = Instant.now();
        return new Stats(now, range, activity.stats(now.minus(period)));
    }

    @Operation(summary = "The workflows that ran in the last 24 hours, with how their latest run went")
    @GetMapping("/active")
    Active active() {
        Instant now = Instant.now();
        return new Active(now, activity.active(now.minus(DAY)));
    }

    @Operation(summary = "Push door: a workflow reports one of its runs (API key of scope workflows);"
            + " with execution_id the run is recorded once however often it is reported and polled")
    @PostMapping("/execution")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded execution(@RequestBody Report report) {
        WorkflowStatus status = report.validated();
        String executionId = report.executionId() == null || report.executionId().isBlank() ? null
                : report.executionId().strip();
        String error = report.error() == null || report.error().isBlank() ? null : report.error();
        Instant now = Instant.now();
        activity.fromPush(executionId, report.workflowName().strip(), status, report.durationMs(), error, now);
        return new Recorded(now, executionId, report.workflowName().strip(), status.wire());
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2025-06-01T12:00:00Z, was '"
                    + value + "'");
        }
    }

    /** What a workflow reports; checked here so that each complaint names the JSON field. */
    record Report(
            @JsonProperty("workflow_name") String workflowName,
            String status,
            @JsonProperty("duration_ms") Long durationMs,
            String error,
            @JsonProperty("execution_id") String executionId) {

        private static final long MAX_DURATION_MS = Duration.ofDays(30).toMillis();

        WorkflowStatus validated() {
            require(workflowName != null && !workflowName.isBlank(), "workflow_name is required");
            require(workflowName.length() <= 255, "workflow_name must be at most 255 characters");
            require(durationMs != null, "duration_ms is required");
            require(durationMs >= 0 && durationMs <= MAX_DURATION_MS,
                    "duration_ms must be between 0 and " + MAX_DURATION_MS + ", was " + durationMs);
            require(error == null || error.length() <= 10_000, "error must be at most 10000 characters");
            require(executionId == null || executionId.length() <= 64, "execution_id must be at most 64 characters");
            return WorkflowStatus.of(status).orElseThrow(() -> new IllegalArgumentException(
                    "status must be one of " + WorkflowStatus.choices() + ", was '" + status + "'"));
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    record Recorded(Instant timestamp, @JsonProperty("execution_id") String executionId,
            @JsonProperty("workflow_name") String workflowName, String status) {
    }

    record Period(long runs, long failures, @JsonProperty("success_rate") Double successRate) {
    }

    record Activity(Instant timestamp, EngineState engine, @JsonProperty("last_24h") Period last24h, Period today,
            @JsonProperty("last_failure") WorkflowRun lastFailure, List<WorkflowRun> recent) {
    }

    record History(Instant timestamp, List<WorkflowRun> runs) {
    }

    record Stats(Instant timestamp, String range, List<WorkflowStats> workflows) {
    }

    record Active(Instant timestamp, List<ActiveWorkflow> workflows) {
    }
}

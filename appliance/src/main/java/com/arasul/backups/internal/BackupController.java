package com.arasul.backups.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Backups for the owner: the list, the last good one, "back up now" with its progress, and downloads. */
@RestController
@RequestMapping("/api/backups")
class BackupController {

    private final BackupJobs jobs;

    BackupController(BackupJobs jobs) {
        this.jobs = jobs;
    }

    record Backup(String name, @JsonProperty("size_bytes") long sizeBytes, @JsonProperty("created_at") Instant createdAt,
            String location) {
    }

    record Run(UUID id, String trigger, String status, String progress, @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt, String name, @JsonProperty("size_bytes") Long sizeBytes,
            String reason) {

        static Run of(BackupRecords.Run r) {
            return new Run(r.id(), r.trigger(), r.status(), r.progress(), r.startedAt(), r.finishedAt(), r.name(),
                    r.sizeBytes(), r.reason());
        }
    }

    record Listing(Instant timestamp, List<Backup> backups, @JsonProperty("last_success") Run lastSuccess,
            List<Run> runs, String where) {
    }

    @Operation(summary = "The backups kept, the last good one and the recent runs with their progress")
    @GetMapping
    Listing list() {
        var store = jobs.store();
        List<Backup> backups = store.list().stream()
                .map(s -> new Backup(s.name(), s.size(), s.createdAt(), s.location())).toList();
        return new Listing(Instant.now(), backups, jobs.records().lastSuccess().map(Run::of).orElse(null),
                jobs.records().recent(10).stream().map(Run::of).toList(),
                store.remote() ? "the object storage's backups bucket" : "the data folder (" + store.folder() + ")");
    }

    @Operation(summary = "Starts a backup now; the answer names the job, whose progress GET /api/backups/runs/{id} shows")
    @PostMapping
    ResponseEntity<Map<String, Object>> backUpNow() {
        UUID id = jobs.submit("manual").orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "A backup is running already; wait for it to finish."));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", "running"));
    }

    @Operation(summary = "One backup run: its status, its progress and, when it failed, why")
    @GetMapping("/runs/{id}")
    Run run(@PathVariable UUID id) {
        return jobs.records().run(id).map(Run::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no backup run " + id + "."));
    }

    @Operation(summary = "Downloads one backup archive (a tar with a SHA-256 manifest)")
    @GetMapping("/{name}")
    void download(@PathVariable String name, HttpServletResponse response) throws IOException {
        if (!BackupStore.NAME.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a backup name: " + name + ".");
        }
        var stored = jobs.store().find(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no backup " + name + "."));
        response.setContentType("application/x-tar");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentLengthLong(stored.size());
        try (InputStream in = jobs.store().open(stored); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}

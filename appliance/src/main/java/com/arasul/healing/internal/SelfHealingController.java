package com.arasul.healing.internal;

import com.arasul.healing.SafetyFloor;
import com.arasul.platform.ApplianceActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/self-healing/*}: what the engine decided and did, its state now, and how well it worked. */
@RestController
@RequestMapping("/api/self-healing")
class SelfHealingController {

    private final HealingRecords records;
    private final SafetyFloor floor;
    private final DockerNotices docker;
    private final ApplianceActivity activity;
    private final FactFeeder feeder;
    private final Decider decider;
    private final AnnouncedMaintenance maintenance;
    private final Interventions interventions;

    SelfHealingController(HealingRecords records, SafetyFloor floor, DockerNotices docker, ApplianceActivity activity,
            FactFeeder feeder, Decider decider, AnnouncedMaintenance maintenance, Interventions interventions) {
        this.records = records;
        this.floor = floor;
        this.docker = docker;
        this.activity = activity;
        this.feeder = feeder;
        this.decider = decider;
        this.maintenance = maintenance;
        this.interventions = interventions;
    }

    /** What {@code POST /api/self-healing/maintenance} takes. */
    record MaintenanceRequest(Integer minutes, String reason) {
    }

    @Operation(summary = "Announce a maintenance: for `minutes` (1 to 1440) healing decides and records but runs nothing")
    @PostMapping("/maintenance")
    Map<String, Object> startMaintenance(@RequestBody MaintenanceRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("a body {minutes, reason} is required");
        }
        maintenance.start(request.minutes(), request.reason());
        return maintenanceBody();
    }

    @Operation(summary = "End the announced maintenance early; services stopped by an administrator stay stopped")
    @DeleteMapping("/maintenance")
    Map<String, Object> endMaintenance() {
        maintenance.end();
        return maintenanceBody();
    }

    @Operation(summary = "The announced maintenance, if one is under way")
    @GetMapping("/maintenance")
    Map<String, Object> maintenance() {
        return maintenanceBody();
    }

    @GetMapping("/events")
    Map<String, Object> events(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) String severity,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(required = false) String since) {
        EventsFilter filter = EventsFilter.of(limit, offset, severity, eventType, since);
        return body("events", records.events(filter), filter);
    }

    @GetMapping("/recovery-actions")
    Map<String, Object> recoveryActions(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        EventsFilter page = EventsFilter.page(limit, offset);
        return body("recovery_actions", records.recoveryActions(page), page);
    }

    @GetMapping("/service-failures")
    Map<String, Object> serviceFailures(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        EventsFilter page = EventsFilter.page(limit, offset);
        return body("service_failures", records.serviceFailures(page), page);
    }

    @GetMapping("/reboot-history")
    Map<String, Object> rebootHistory(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        EventsFilter page = EventsFilter.page(limit, offset);
        return body("reboots", records.reboots(page), page);
    }

    @GetMapping("/status")
    Map<String, Object> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now());
        body.put("mode", decider.mode());
        body.put("docker_up", docker.up());
        body.put("docker_since", docker.since());
        body.put("needs_attention", new TreeSet<>(floor.needsAttention()));
        body.put("maintenance", maintenanceView());
        body.put("removed_services", interventions.removed());
        body.put("critical_healing", activity.criticalHealing().orElse(null));
        body.put("facts_dropped", feeder.dropped());
        body.put("last_actions", records.recoveryActions(EventsFilter.page(10, 0)));
        return body;
    }

    /** Uptime per service over 7 days (failure until its next successful restart counts as down), success per action. */
    @GetMapping("/metrics")
    Map<String, Object> metrics() {
        Instant now = Instant.now();
        Instant since = now.minus(Duration.ofDays(7));
        double window = Duration.ofDays(7).toSeconds();
        Map<String, Long> failures = records.failuresPerService(since);
        Map<String, Double> down = records.downSeconds(since);
        List<Map<String, Object>> uptime = new ArrayList<>();
        for (String service : new TreeSet<>(failures.keySet())) {
            double percent = Math.max(0, 100.0 * (1 - down.getOrDefault(service, 0.0) / window));
            uptime.add(Map.of("service", service, "failures", failures.get(service),
                    "uptime_percent", Math.round(percent * 1000) / 1000.0));
        }
        List<Map<String, Object>> success = new ArrayList<>();
        for (Map<String, Object> row : records.successRates(since)) {
            long runs = ((Number) row.get("runs")).longValue();
            long ok = ((Number) row.get("succeeded")).longValue();
            success.add(Map.of("action_type", row.get("action_type"), "runs", runs, "succeeded", ok,
                    "success_percent", runs == 0 ? 0.0 : Math.round(1000.0 * ok / runs) / 10.0));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now);
        body.put("since", since);
        body.put("uptime", uptime);
        body.put("action_success", success);
        return body;
    }

    private Map<String, Object> maintenanceBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now());
        body.put("maintenance", maintenanceView());
        return body;
    }

    /** {active, reason, since, until}; only {active: false} when none is under way. */
    private Map<String, Object> maintenanceView() {
        Map<String, Object> view = new LinkedHashMap<>();
        var m = maintenance.active();
        view.put("active", m.isPresent());
        m.ifPresent(w -> {
            view.put("reason", w.reason());
            view.put("since", w.since());
            view.put("until", w.until());
        });
        return view;
    }

    private static Map<String, Object> body(String name, List<?> items, EventsFilter page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now());
        body.put(name, items);
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        return body;
    }
}

package com.arasul.services.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.ContainerUsage;
import com.arasul.containers.ManagedService;
import com.arasul.healing.SafetyFloor;
import com.arasul.healing.ServiceRestarts;
import com.arasul.platform.ActionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/services}: each managed service with its state, health, restarts, uptime and use; a manual restart. */
@RestController
@RequestMapping("/api/services")
class ServicesController {

    private static final Duration USAGE_WAIT = Duration.ofSeconds(4);

    private final ContainerActions containers;
    private final SafetyFloor floor;
    private final ServiceRestarts restarts;
    private final ExecutorService usageSampling;

    ServicesController(ContainerActions containers, SafetyFloor floor, ServiceRestarts restarts,
            ExecutorService servicesUsageSampling) {
        this.containers = containers;
        this.floor = floor;
        this.restarts = restarts;
        this.usageSampling = servicesUsageSampling;
    }

    @GetMapping
    Map<String, Object> services() {
        Instant now = Instant.now();
        List<ManagedService> services = containers.services();
        Set<String> attention = floor.needsAttention();
        // stats take about a second each: sample them side by side, each bounded by the adapter's timeout
        Map<String, CompletableFuture<Optional<ContainerUsage>>> usage = new LinkedHashMap<>();
        for (ManagedService s : services) {
            usage.put(s.name(), CompletableFuture.supplyAsync(() -> containers.usage(s.name()), usageSampling)
                    .completeOnTimeout(Optional.empty(), USAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> Optional.empty()));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (ManagedService s : services) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", s.name());
            item.put("container_name", s.containerName());
            item.put("image", s.image());
            item.put("state", s.state());
            item.put("health", s.health());
            item.put("restarts", s.restartCount());
            item.put("started_at", s.startedAt());
            item.put("uptime_seconds", s.uptime(now).toSeconds());
            item.put("critical", s.critical());
            item.put("depends_on", s.dependsOn());
            item.put("needs_attention", attention.contains(s.name()));
            item.put("restart_backoff_seconds", floor.backoffRemaining(s.name()).toSeconds());
            Optional<ContainerUsage> u = usage.get(s.name()).join();
            item.put("cpu_percent", u.map(ContainerUsage::cpuPercent).orElse(null));
            item.put("memory_bytes", u.map(ContainerUsage::memoryBytes).orElse(null));
            item.put("memory_limit_bytes", u.map(ContainerUsage::memoryLimitBytes).orElse(null));
            list.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now);
        body.put("services", list);
        return body;
    }

    @PostMapping("/{name}/restart")
    ResponseEntity<Map<String, Object>> restart(@PathVariable String name) {
        ActionOutcome outcome = restarts.restart(name).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no managed service is called " + name));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now());
        body.put("service", name);
        body.put("success", outcome.success());
        body.put("message", outcome.message());
        body.put("duration_ms", outcome.duration().toMillis());
        return ResponseEntity.status(outcome.success() ? HttpStatus.OK : HttpStatus.BAD_GATEWAY).body(body);
    }
}

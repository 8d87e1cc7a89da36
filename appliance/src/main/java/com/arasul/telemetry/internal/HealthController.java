package com.arasul.telemetry.internal;

import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricSample;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/health}, public: healthy (200) when the database answers and sampling is fresh, else 503, so a
 * supervisor or a load balancer can tell without a token.
 */
@RestController
class HealthController {

    private final DatabaseCheck database;
    private final LiveMetrics live;
    private final TelemetryProperties properties;

    HealthController(DatabaseCheck database, LiveMetrics live, TelemetryProperties properties) {
        this.database = database;
        this.live = live;
        this.properties = properties;
    }

    @GetMapping("/api/health")
    ResponseEntity<HealthJson> health() {
        Instant now = Instant.now();
        Instant lastSample = live.latest().map(MetricSample::timestamp).orElse(null);
        boolean sampling = lastSample != null && lastSample.plus(properties.staleAfter()).isAfter(now);
        boolean databaseUp = database.up();
        boolean healthy = sampling && databaseUp;
        HealthJson body = new HealthJson(healthy ? "up" : "down", databaseUp ? "up" : "down",
                sampling ? "ok" : "stale", lastSample, now);
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    record HealthJson(String status, String database, String sampling,
            @JsonProperty("last_sample_at") Instant lastSampleAt, Instant timestamp) {
    }
}

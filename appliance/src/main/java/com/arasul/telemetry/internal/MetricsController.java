package com.arasul.telemetry.internal;

import com.arasul.telemetry.LiveMetrics;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The box now ({@code /api/metrics/live}) and over time ({@code /api/metrics/history}). */
@RestController
@RequestMapping("/api/metrics")
class MetricsController {

    private final LiveMetrics live;
    private final MetricsHistory history;

    MetricsController(LiveMetrics live, MetricsHistory history) {
        this.live = live;
        this.history = history;
    }

    @GetMapping("/live")
    LiveSampleJson live() {
        return live.latest().map(sample -> LiveSampleJson.of(sample, Instant.now()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "no sample has been taken yet"));
    }

    @GetMapping("/history")
    HistoryJson history(@RequestParam(defaultValue = "1h") String range) {
        Range parsed = Range.parse(range);
        MetricsHistory.History result = history.query(parsed.duration, Instant.now());
        return new HistoryJson(Instant.now(), parsed.label, result.from(), result.to(), result.step().toSeconds(),
                result.series());
    }

    enum Range {
        HOUR("1h", Duration.ofHours(1)),
        SIX_HOURS("6h", Duration.ofHours(6)),
        DAY("24h", Duration.ofHours(24)),
        WEEK("7d", Duration.ofDays(7));

        final String label;
        final Duration duration;

        Range(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        static Range parse(String label) {
            return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("range must be one of "
                            + Arrays.stream(values()).map(r -> r.label).collect(Collectors.joining(", "))
                            + ", was '" + label + "'"));
        }
    }

    record HistoryJson(Instant timestamp, String range, Instant from, Instant to,
            @JsonProperty("step_seconds") long stepSeconds, Map<String, List<MetricsHistory.Point>> series) {
    }
}

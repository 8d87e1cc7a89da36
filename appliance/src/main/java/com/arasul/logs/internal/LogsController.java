package com.arasul.logs.internal;

import com.arasul.platform.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/logs}: the sources, a tail, a follow (SSE) and a bounded search of container logs and the appliance's own. */
@RestController
@RequestMapping("/api/logs")
class LogsController {

    private static final int MAX_MATCHES = 500;

    private final LogSources sources;
    private final LogStreams streams;
    private final LogsProperties limits;

    LogsController(LogSources sources, LogStreams streams, LogsProperties limits) {
        this.sources = sources;
        this.streams = streams;
        this.limits = limits;
    }

    @GetMapping("/list")
    Map<String, Object> list() {
        List<Map<String, String>> list = new ArrayList<>();
        sources.list().forEach((name, kind) -> list.add(Map.of("name", name, "kind", kind)));
        return body(Map.of("sources", list));
    }

    @GetMapping
    Map<String, Object> logs(@RequestParam String service, @RequestParam(required = false) Integer lines,
            @RequestParam(required = false) String level) {
        int n = lines == null ? 100 : lines;
        if (n < 1 || n > limits.linesMax()) {
            throw new IllegalArgumentException("lines must be between 1 and " + limits.linesMax());
        }
        String wanted = LogSources.level(level);
        List<String> tail = sources.tail(service, n).stream().filter(l -> LogSources.atLevel(l, wanted)).toList();
        return body(Map.of("service", service, "lines", tail));
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam String service) {
        if (!sources.list().containsKey(service)) {
            throw new NoSuchElementException("no log source is called " + service);
        }
        return streams.open(service);
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam String q, @RequestParam(required = false) String service) {
        if (q.length() < 2 || q.length() > 200) {
            throw new IllegalArgumentException("q must be 2 to 200 characters");
        }
        String needle = q.toLowerCase(Locale.ROOT);
        List<String> names = service == null ? List.copyOf(sources.list().keySet()) : List.of(service);
        List<Map<String, String>> matches = new ArrayList<>();
        boolean truncated = false;
        for (String name : names) {
            for (String line : sources.tail(name, limits.searchMaxLines())) {
                if (line.toLowerCase(Locale.ROOT).contains(needle)) {
                    if (matches.size() >= MAX_MATCHES) {
                        truncated = true;
                        break;
                    }
                    matches.add(Map.of("service", name, "line", line));
                }
            }
        }
        return body(Map.of("q", q, "matches", matches, "truncated", truncated));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> unknownSource(NoSuchElementException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of(HttpStatus.NOT_FOUND, e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> busy(IllegalStateException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), request.getRequestURI()));
    }

    private static Map<String, Object> body(Map<String, Object> content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now());
        body.putAll(content);
        return body;
    }
}

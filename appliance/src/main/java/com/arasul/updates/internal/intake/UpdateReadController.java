package com.arasul.updates.internal.intake;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Where updates stand: the current package, the history, and the live progress stream. */
@RestController
@Validated
@RequestMapping("/api/update")
class UpdateReadController {

    record StatusResponse(Instant timestamp, UpdateHistory.PackageView current) {
    }

    record HistoryResponse(Instant timestamp, List<UpdateHistory.PackageView> packages) {
    }

    private final UpdateHistory history;
    private final UpdateEventStreams streams;

    UpdateReadController(UpdateHistory history, UpdateEventStreams streams) {
        this.history = history;
        this.streams = streams;
    }

    /** The package in progress, or else the most recent one; 404 while no package ever arrived. */
    @GetMapping("/status")
    StatusResponse status() {
        return history.current().map(p -> new StatusResponse(Instant.now(), p))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no update package has arrived yet"));
    }

    @GetMapping("/history")
    HistoryResponse history(@RequestParam(defaultValue = "20") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(200) int limit) {
        return new HistoryResponse(Instant.now(), history.newest(limit));
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return streams.open();
    }
}

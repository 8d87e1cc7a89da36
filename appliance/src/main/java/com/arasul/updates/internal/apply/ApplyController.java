package com.arasul.updates.internal.apply;

import com.arasul.platform.ApplianceActivity;
import com.arasul.updates.UpdateChannels;
import com.arasul.updates.UpdateJournal;
import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import com.arasul.updates.format.Component;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/update/apply}: the owner asks for a READY package to be applied. */
@RestController
@RequestMapping("/api/update")
class ApplyController {

    record ApplyRequest(@NotBlank String id) {
    }

    record ApplyAccepted(Instant timestamp, UUID id, UpdateStatus status, String message) {
    }

    private final ApplyRecords records;
    private final ApplianceActivity activity;
    private final MessageChannel queue;
    private final TransactionTemplate transaction;
    private final ApplyProperties properties;
    private final UpdateJournal journal;

    ApplyController(ApplyRecords records, ApplianceActivity activity, @Qualifier(UpdateChannels.APPLY_QUEUE) MessageChannel queue,
            TransactionTemplate transaction, ApplyProperties properties, UpdateJournal journal) {
        this.records = records;
        this.journal = journal;
        this.activity = activity;
        this.queue = queue;
        this.transaction = transaction;
        this.properties = properties;
    }

    @PostMapping("/apply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ApplyAccepted apply(@RequestBody @jakarta.validation.Valid ApplyRequest request) {
        UUID id;
        try {
            id = UUID.fromString(request.id().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id: not a package id");
        }
        var row = records.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no package " + id));
        if (row.status() != UpdateStatus.READY) {
            throw conflict("package " + id + " is " + row.status() + "; only a READY package can be applied");
        }
        boolean selfUpdate = row.manifest().components().stream()
                .anyMatch(c -> c instanceof Component.Image i && i.service().equals(properties.selfService()));
        if (selfUpdate) {
            throw conflict("this package replaces the appliance's own container (" + properties.selfService()
                    + "), which cannot update itself yet");
        }
        if (activity.runningUpdate().isPresent() || records.anotherInProgress(id)) {
            throw conflict("another update is being applied; try again when it has finished");
        }
        Boolean queued = transaction.execute(status -> {
            if (!records.queue(id)) {
                return false;
            }
            journal.record(id, UpdateStep.QUEUE, "done", "Version " + row.version() + " is queued and will be installed now.");
            queue.send(MessageBuilder.withPayload(id.toString()).build());
            return true;
        });
        if (!Boolean.TRUE.equals(queued)) {
            throw conflict("package " + id + " is no longer READY");
        }
        return new ApplyAccepted(Instant.now(), id, UpdateStatus.QUEUED, "Version " + row.version() + " will be applied.");
    }

    private static ResponseStatusException conflict(String message) {
        return new ResponseStatusException(HttpStatus.CONFLICT, message);
    }
}

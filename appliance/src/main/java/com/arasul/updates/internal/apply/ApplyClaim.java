package com.arasul.updates.internal.apply;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs inside the poller's transaction: marks the package APPLYING in the same transaction that
 * takes its message off the queue, so it is never both gone from the queue and unclaimed. The
 * apply itself (minutes) runs after that commit, on the poller's own thread, so the next message
 * waits for it and no transaction stays open while containers are swapped.
 */
final class ApplyClaim {

    private static final Logger log = LoggerFactory.getLogger(ApplyClaim.class);

    private final ApplyRecords records;
    private final ApplyEngine engine;

    ApplyClaim(ApplyRecords records, ApplyEngine engine) {
        this.records = records;
        this.engine = engine;
    }

    void claim(String payload) {
        UUID id;
        try {
            id = UUID.fromString(payload.strip());
        } catch (IllegalArgumentException e) {
            log.warn("dropped a message on the apply queue that is no package id");
            return;
        }
        if (!records.claim(id)) {
            log.info("package {} is not queued or being applied any more; nothing to do", id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                engine.run(id);
            }
        });
    }
}

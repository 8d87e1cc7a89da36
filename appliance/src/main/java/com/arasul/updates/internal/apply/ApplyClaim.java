package com.arasul.updates.internal.apply;

import java.util.UUID;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs inside the poller's transaction: marks the package APPLYING in the same transaction that
 * takes its message off the queue, so it is never both gone from the queue and unclaimed. The
 * apply itself (minutes) runs after that transaction is over, on the poller's own thread, so the
 * next message waits for it and no transaction stays open while containers are swapped.
 *
 * <p>"Over" means committed <em>and</em> cleaned up: an {@code afterCommit} callback still holds the
 * transaction's connection, so every step written from there would join the finished transaction
 * and stay invisible (and be lost on a crash) until the whole apply ended. The apply therefore runs
 * in {@link #applyOnceCommitted()}, an advice wrapped around the poller's transaction.
 */
final class ApplyClaim {

    private static final Logger log = LoggerFactory.getLogger(ApplyClaim.class);

    private final ApplyRecords records;
    private final ApplyEngine engine;
    private final ThreadLocal<UUID> committed = new ThreadLocal<>();

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
                committed.set(id);
            }
        });
    }

    /** Put outside the poller's transaction advice: applies the package that transaction claimed, once it is over. */
    MethodInterceptor applyOnceCommitted() {
        return invocation -> {
            try {
                return invocation.proceed();
            } finally {
                UUID id = committed.get();
                committed.remove();
                if (id != null) {
                    engine.run(id);
                }
            }
        };
    }
}

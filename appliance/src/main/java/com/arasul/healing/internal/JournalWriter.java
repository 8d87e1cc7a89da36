package com.arasul.healing.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Writes the healing records (failures, decisions, results, what people did to the services) on a
 * thread of their own, in the order they were handed in, so that neither the feeding nor the
 * deciding thread waits for the database between a fault event and the restart it calls for: the
 * action is on its lane before its row is written. One
 * thread keeps the order: a decision's row is written before its result's, which needs its id.
 * When the bounded queue is full the record is lost and logged, never the action (as when
 * PostgreSQL itself does not answer). On shutdown what is queued is written for a few seconds.
 */
public final class JournalWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    private final HealingJournal journal;
    private final ThreadPoolTaskExecutor executor;

    public JournalWriter(HealingJournal journal, int capacity) {
        this.journal = journal;
        this.executor = HealingConfiguration.boundedSingleThread("healing-journal-", capacity,
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.setWaitForTasksToCompleteOnShutdown(true);
        this.executor.setAwaitTerminationSeconds(5);
    }

    /** Queues {@code write}; when the queue is full, {@code lost} runs instead, on the caller's thread. */
    public void write(Consumer<HealingJournal> write, Runnable lost) {
        try {
            executor.execute(() -> write.accept(journal));
        } catch (RejectedExecutionException full) {
            log.warn("healing records full: a record was not written");
            lost.run();
        }
    }

    public void write(Consumer<HealingJournal> write) {
        write(write, () -> { });
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}

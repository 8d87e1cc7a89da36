package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateJournal;
import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** Where a package that passed every check goes: READY for the owner to apply, or straight into the apply queue. */
final class PackageAcceptance {

    private static final long SEND_TIMEOUT_MILLIS = 5_000;

    private final UpdateJournal journal;
    private final MessageChannel applyQueue;
    private final TransactionTemplate transaction;
    private final AcceptedPackages kept;

    PackageAcceptance(UpdateJournal journal, MessageChannel applyQueue, TransactionTemplate transaction,
            AcceptedPackages kept) {
        this.journal = journal;
        this.applyQueue = applyQueue;
        this.transaction = transaction;
        this.kept = kept;
    }

    /** An upload waits for the owner to apply it. */
    Candidate ready(Candidate candidate) {
        if (candidate.refused()) {
            return candidate;
        }
        journal.moveTo(candidate.id(), UpdateStatus.READY, UpdateStep.VALIDATE);
        journal.record(candidate.id(), UpdateStep.VALIDATE, "ready", "Version " + candidate.version()
                + " is ready to install; apply it when convenient.");
        keep(candidate, UpdateStatus.READY, UpdateStep.VALIDATE);
        return candidate;
    }

    /**
     * A package from a stick is applied without anyone asking: the row moves to QUEUED and the
     * package id goes into the JDBC-backed queue in one transaction, so neither exists without the other.
     */
    Candidate queue(Candidate candidate) {
        transaction.executeWithoutResult(status -> {
            journal.moveTo(candidate.id(), UpdateStatus.QUEUED, UpdateStep.QUEUE);
            journal.record(candidate.id(), UpdateStep.QUEUE, "done", "Version " + candidate.version()
                    + " from the USB stick is queued and will be installed by itself.");
            if (!applyQueue.send(MessageBuilder.withPayload(candidate.id().toString()).build(), SEND_TIMEOUT_MILLIS)) {
                throw new IllegalStateException("the apply queue is full");
            }
        });
        keep(candidate, UpdateStatus.QUEUED, UpdateStep.QUEUE);
        return candidate;
    }

    /** A copy in the updates bucket, after acceptance and outside its transaction: it never decides the update. */
    private void keep(Candidate candidate, UpdateStatus acceptedAs, UpdateStep step) {
        kept.keep(candidate, acceptedAs).ifPresent(outcome ->
                journal.record(candidate.id(), step, outcome.kept() ? "kept" : "not kept", outcome.sentence()));
    }
}

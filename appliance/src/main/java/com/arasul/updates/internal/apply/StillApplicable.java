package com.arasul.updates.internal.apply;

import com.arasul.updates.UpdateJournal;
import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import com.arasul.updates.facts.Refusal;
import com.arasul.updates.internal.intake.FreeDisk;
import com.arasul.updates.internal.intake.UpdateValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a package still fits the box when its turn to be applied comes: the update rules again,
 * on the box as it is now. A package queued while another one was newer, or before critical healing
 * began, is refused here as no longer applicable, before anything is saved or changed.
 */
final class StillApplicable {

    private final UpdateValidator validator;
    private final FreeDisk freeDisk;
    private final Path stagedRoot;
    private final ApplyRecords records;
    private final UpdateJournal journal;

    StillApplicable(UpdateValidator validator, FreeDisk freeDisk, Path stagedRoot, ApplyRecords records, UpdateJournal journal) {
        this.validator = validator;
        this.freeDisk = freeDisk;
        this.stagedRoot = stagedRoot;
        this.records = records;
        this.journal = journal;
    }

    /** Refuses (and records) the package when a rule says no now; false when it may be applied. */
    boolean refusedNow(ApplyJob job) {
        List<Refusal> refusals;
        try {
            // the staged payload was free space when the package arrived, which is what the disk rule compares with
            long freeBefore = freeDisk.usableBytes(stagedRoot) + job.manifest().payloadBytes();
            refusals = validator.refusals(job.manifest(), freeBefore);
        } catch (RuntimeException e) {
            refusals = List.of(Refusal.forNow("NOT_CHECKED", "The package could not be checked against the update rules again ("
                    + e.getMessage() + ")."));
        }
        if (refusals.isEmpty()) {
            return false;
        }
        journal.record(job.id(), UpdateStep.VERIFY, "failed", "No longer applicable, nothing was changed: "
                + refusals.stream().map(Refusal::message).collect(Collectors.joining(" ")));
        records.refused(job.id(), refusals.stream().map(r -> r.code() + ": No longer applicable: " + r.message().replace('\n', ' '))
                .collect(Collectors.joining("\n")), refusals.stream().allMatch(Refusal::retryable));
        journal.moveTo(job.id(), UpdateStatus.REFUSED, UpdateStep.VERIFY);
        return true;
    }

    /** Another update holds the box, although the rules did not see it a moment ago. */
    void refuseWhileAnotherRuns(ApplyJob job) {
        Refusal busy = Refusal.forNow("UPDATE_RUNNING", "Another update is being installed right now; bring this package again when it is done.");
        journal.record(job.id(), UpdateStep.VERIFY, "failed", "No longer applicable, nothing was changed: " + busy.message());
        records.refused(job.id(), busy.code() + ": No longer applicable: " + busy.message(), true);
        journal.moveTo(job.id(), UpdateStatus.REFUSED, UpdateStep.VERIFY);
    }
}

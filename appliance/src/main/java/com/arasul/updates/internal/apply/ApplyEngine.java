package com.arasul.updates.internal.apply;

import com.arasul.platform.ApplianceActivity;
import com.arasul.updates.UpdateJournal;
import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apply state machine: Verified → Backup → Install → Restart → Health gate → Commit, or
 * Rollback. The package's status and step live in {@code update_packages}, its backup in
 * {@code update_backups}; the step is written <em>before</em> a step's work begins, so after a
 * crash the step column says what may be half done. One package at a time (the apply queue's
 * poller has one thread).
 *
 * <p>What a start does with a package it finds {@code APPLYING} (every step is idempotent):
 * <table>
 * <tr><th>step found</th><th>what was done</th><th>decision</th></tr>
 * <tr><td>VERIFY (claimed)</td><td>nothing</td><td>apply it from the start</td></tr>
 * <tr><td>BACKUP</td><td>only reading and copying, nothing changed</td><td>make the backup again and go on</td></tr>
 * <tr><td>INSTALL</td><td>an unknown part of the install</td><td>roll back what may have been done
 *     (containers, database to the tag, rules folder) → ROLLED_BACK</td></tr>
 * <tr><td>RESTART</td><td>install complete</td><td>restart again, then the health gate</td></tr>
 * <tr><td>HEALTH_GATE</td><td>install complete</td><td>run the health gate again</td></tr>
 * <tr><td>COMMIT</td><td>healthy</td><td>commit again (record the version, discard the previous containers)</td></tr>
 * <tr><td>ROLLBACK</td><td>a rollback under way</td><td>roll back again → ROLLED_BACK, or FAILED</td></tr>
 * </table>
 */
final class ApplyEngine {

    private static final Logger log = LoggerFactory.getLogger(ApplyEngine.class);

    private final ApplyRecords records;
    private final ApplySteps steps;
    private final UpdateJournal journal;
    private final ApplianceActivity activity;
    private final Path stagedRoot;
    private final Path backupsRoot;
    private final StillApplicable applicable;

    ApplyEngine(ApplyRecords records, ApplySteps steps, UpdateJournal journal, ApplianceActivity activity,
            Path stagedRoot, Path backupsRoot, StillApplicable applicable) {
        this.records = records;
        this.applicable = applicable;
        this.steps = steps;
        this.journal = journal;
        this.activity = activity;
        this.stagedRoot = stagedRoot;
        this.backupsRoot = backupsRoot;
    }

    /** Applies a claimed package, after finishing any other one a stopped appliance left half done. */
    synchronized void run(UUID id) {
        for (UUID other : records.interrupted()) {
            if (!other.equals(id)) {
                drive(other);
            }
        }
        drive(id);
    }

    private void drive(UUID id) {
        var row = records.find(id).orElse(null);
        if (row == null || row.status() != UpdateStatus.APPLYING) {
            return; // already finished (a second resume message), or not meant to be applied
        }
        ApplyJob job;
        try {
            job = new ApplyJob(id, row.manifest(), stagedRoot.resolve(id.toString()), backupsRoot.resolve(id.toString()));
        } catch (RuntimeException e) {
            log.error("update {} cannot be read back", id, e);
            records.reason(id, "The stored description of this package cannot be read; it was not applied.");
            journal.moveTo(id, UpdateStatus.FAILED, row.step() == null ? UpdateStep.VERIFY : row.step());
            return;
        }
        UpdateStep step = row.step() == null ? UpdateStep.VERIFY : row.step();
        boolean untouched = step.compareTo(UpdateStep.BACKUP) < 0; // nothing of it was saved or changed yet
        if (untouched && applicable.refusedNow(job)) {
            cleanUp(job);
            return;
        }
        List<String> affected;
        try {
            affected = steps.affected(job);
        } catch (RuntimeException e) {
            affected = job.services();
        }
        if (!activity.updateStarted(id, job.version(), Set.copyOf(affected))) {
            log.warn("update {} not started: another update is running in this appliance", id);
            if (untouched) {
                applicable.refuseWhileAnotherRuns(job);
                cleanUp(job);
            }
            return;
        }
        try {
            from(job, step);
        } catch (RuntimeException e) {
            log.error("update {} stopped unexpectedly", id, e);
            fail(job, "The update stopped unexpectedly (" + e.getMessage() + "); it needs attention.");
        } finally {
            activity.updateEnded(id);
        }
    }

    private void from(ApplyJob job, UpdateStep step) {
        switch (step) {
            case RECEIVE, VERIFY, VALIDATE, QUEUE, BACKUP -> fresh(job, step != UpdateStep.BACKUP);
            case INSTALL -> rollback(job, "The appliance stopped while the update was being installed; restoring the previous version");
            case RESTART -> afterInstall(job, true);
            case HEALTH_GATE -> afterInstall(job, false);
            case COMMIT -> commit(job);
            case ROLLBACK -> rollback(job, null);
        }
    }

    private void fresh(ApplyJob job, boolean announce) {
        if (announce) {
            journal.record(job.id(), UpdateStep.QUEUE, "taken", "Applying version " + job.version() + ": it changes " + job.whatChanges() + ".");
        }
        Optional<String> refusal = steps.refusal(job);
        if (refusal.isPresent()) {
            finish(job, UpdateStatus.REFUSED, UpdateStep.VERIFY, "NOT_APPLICABLE: " + refusal.get());
            return;
        }
        journal.moveTo(job.id(), UpdateStatus.APPLYING, UpdateStep.BACKUP);
        try {
            steps.backup(job);
        } catch (RuntimeException e) {
            finish(job, UpdateStatus.REFUSED, UpdateStep.BACKUP, "BACKUP_FAILED: The backup before the update could not be made ("
                    + e.getMessage() + "); nothing was changed.");
            return;
        }
        journal.moveTo(job.id(), UpdateStatus.APPLYING, UpdateStep.INSTALL);
        try {
            steps.install(job);
        } catch (RuntimeException e) {
            rollback(job, "Installing failed (" + e.getMessage() + "); restoring the previous version");
            return;
        }
        afterInstall(job, true);
    }

    private void afterInstall(ApplyJob job, boolean restart) {
        if (restart) {
            journal.moveTo(job.id(), UpdateStatus.APPLYING, UpdateStep.RESTART);
            try {
                steps.restart(job);
            } catch (RuntimeException e) {
                rollback(job, "Restarting failed (" + e.getMessage() + "); restoring the previous version");
                return;
            }
        }
        journal.moveTo(job.id(), UpdateStatus.APPLYING, UpdateStep.HEALTH_GATE);
        Optional<String> unhealthy = steps.healthGate(job);
        if (unhealthy.isPresent()) {
            rollback(job, unhealthy.get());
            return;
        }
        commit(job);
    }

    private void commit(ApplyJob job) {
        journal.moveTo(job.id(), UpdateStatus.APPLYING, UpdateStep.COMMIT);
        steps.commit(job);
        finish(job, UpdateStatus.COMMITTED, UpdateStep.COMMIT, null);
    }

    private void rollback(ApplyJob job, String why) {
        if (why != null) {
            journal.record(job.id(), UpdateStep.ROLLBACK, "started", why + ".");
            records.reason(job.id(), "ROLLED_BACK: " + why);
        }
        journal.moveTo(job.id(), UpdateStatus.APPLYING, UpdateStep.ROLLBACK);
        List<String> problems = steps.rollback(job, records.backup(job.id()));
        if (problems.isEmpty()) {
            journal.record(job.id(), UpdateStep.ROLLBACK, "done", "The previous version is back in place.");
            finish(job, UpdateStatus.ROLLED_BACK, UpdateStep.ROLLBACK, null);
        } else {
            fail(job, "The previous version could not be fully restored: " + String.join("; ", problems)
                    + ". The box needs attention.");
        }
    }

    private void fail(ApplyJob job, String message) {
        journal.record(job.id(), UpdateStep.ROLLBACK, "failed", message);
        records.reason(job.id(), "NEEDS_ATTENTION: " + message);
        journal.moveTo(job.id(), UpdateStatus.FAILED, UpdateStep.ROLLBACK);
        // staging and backup stay for whoever looks after the box
    }

    /** @param reason {@code CODE: sentence} of a refusal, {@code null} otherwise */
    private void finish(ApplyJob job, UpdateStatus status, UpdateStep step, String reason) {
        if (reason != null) {
            journal.record(job.id(), step, "failed", reason.substring(reason.indexOf(": ") + 2));
            records.reason(job.id(), reason);
        }
        journal.moveTo(job.id(), status, step);
        cleanUp(job);
    }

    private static void cleanUp(ApplyJob job) {
        PackageRules.delete(job.staging());
        PackageRules.delete(job.backupDir());
    }
}

package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateJournal;
import com.arasul.updates.UpdateStatus;
import com.arasul.updates.UpdateStep;
import com.arasul.updates.facts.Refusal;
import com.arasul.updates.format.PackageRefusedException;
import com.arasul.updates.format.PackageVerifier;
import com.arasul.updates.format.TrustedKeys;
import com.arasul.updates.format.VerificationLimits;
import com.arasul.updates.format.VerifiedPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three checks every package passes, whichever door it came in by: received (once per file),
 * verified into its own staging folder, validated by the update rules. A refusal is recorded with
 * its reasons and leaves nothing staged.
 */
final class PackageChecks {

    private static final Logger log = LoggerFactory.getLogger(PackageChecks.class);

    private final PackageStore store;
    private final UpdateJournal journal;
    private final UpdateValidator validator;
    private final IntakeFolders folders;
    private final VerificationLimits limits;
    private final FreeDisk freeDisk;

    PackageChecks(PackageStore store, UpdateJournal journal, UpdateValidator validator, IntakeFolders folders,
            VerificationLimits limits, FreeDisk freeDisk) {
        this.store = store;
        this.journal = journal;
        this.validator = validator;
        this.folders = folders;
        this.limits = limits;
        this.freeDisk = freeDisk;
    }

    /**
     * Packages whose checks a stopped appliance left unfinished are refused for a passing reason
     * (nothing was applied, their staging is incomplete), so the same file may simply be brought again.
     */
    void abandonUnfinished() {
        for (UUID id : store.abandonUnfinishedChecks("INTERRUPTED: The appliance stopped while it checked this package; "
                + "nothing was changed. Bring the same file again.")) {
            folders.removeStaging(id);
            journal.record(id, UpdateStep.VERIFY, "failed", "The appliance stopped while it checked this package; "
                    + "nothing was changed. Bring the same file again.");
        }
    }

    /** Records the package as RECEIVED, or refuses it when the same file was received before. */
    Candidate receive(IncomingPackage in) {
        UUID id = UUID.randomUUID();
        if (!store.insertReceived(id, in)) {
            var again = store.bySha256(in.sha256()).filter(PackageStore.Row::mayComeAgain)
                    .filter(earlier -> store.receiveAgain(earlier.id(), in));
            if (again.isPresent()) {
                UUID earlier = again.get().id();
                journal.record(earlier, UpdateStep.RECEIVE, "done", "Received " + in.fileName() + " (" + in.size()
                        + " bytes) again by " + door(in) + "; it was refused before only for the box's state then, so it is checked anew.");
                return Candidate.received(earlier, in, freeDisk.usableBytes(folders.staging()));
            }
            return store.bySha256(in.sha256()).map(earlier -> {
                journal.record(earlier.id(), UpdateStep.RECEIVE, "ignored", "The same package arrived again ("
                        + in.source().column() + ", " + in.fileName() + ") and was ignored.");
                return Candidate.alreadyReceived(earlier.id(), in, new Reason("ALREADY_RECEIVED",
                        "This package was already received on " + earlier.receivedAt() + " (now "
                                + earlier.status().name().toLowerCase(java.util.Locale.ROOT) + "); it is never applied twice."));
            }).orElseThrow(() -> new IllegalStateException("package " + in.sha256() + " is neither new nor known"));
        }
        journal.record(id, UpdateStep.RECEIVE, "done", "Received " + in.fileName() + " (" + in.size() + " bytes) by "
                + door(in) + ".");
        return Candidate.received(id, in, freeDisk.usableBytes(folders.staging()));
    }

    private static String door(IncomingPackage in) {
        return in.source() == PackageSource.USB ? "USB stick" : "upload";
    }

    /** Checks the signature and every file while unpacking the payload into {@code staged/<id>/}. */
    Candidate verify(Candidate candidate) {
        if (candidate.refused()) {
            return candidate;
        }
        journal.moveTo(candidate.id(), UpdateStatus.RECEIVED, UpdateStep.VERIFY);
        Path staging = folders.stagingOf(candidate.id());
        try {
            VerifiedPackage verified = new PackageVerifier(TrustedKeys.load(folders.trustedKeys()), limits)
                    .verify(candidate.incoming().file(), staging);
            store.recordManifest(candidate.id(), verified.manifest());
            journal.record(candidate.id(), UpdateStep.VERIFY, "done", "The signature and all "
                    + verified.manifest().files().size() + " files of version " + verified.manifest().version() + " check out.");
            return candidate.verifiedAs(verified);
        } catch (PackageRefusedException e) {
            return refuse(candidate, UpdateStep.VERIFY, List.of(new Reason(e.reason().name(), e.sentence())), false);
        } catch (IOException | RuntimeException e) {
            log.warn("package {} could not be verified: {}", candidate.id(), e.toString());
            return refuse(candidate, UpdateStep.VERIFY, List.of(new Reason("NOT_CHECKED",
                    "The package could not be checked on this box (" + e.getMessage() + ").")), true);
        }
    }

    /** Puts the verified manifest and the box's state before the update rules. */
    Candidate validate(Candidate candidate) {
        if (candidate.refused()) {
            return candidate;
        }
        journal.moveTo(candidate.id(), UpdateStatus.RECEIVED, UpdateStep.VALIDATE);
        try {
            List<Refusal> refusals = validator.refusals(candidate.verified().manifest(), candidate.freeDiskBytes());
            if (!refusals.isEmpty()) {
                return refuse(candidate, UpdateStep.VALIDATE, refusals.stream().map(r -> new Reason(r.code(), r.message())).toList(),
                        refusals.stream().allMatch(Refusal::retryable));
            }
            journal.record(candidate.id(), UpdateStep.VALIDATE, "done", "Version " + candidate.version()
                    + " fits this box.");
            return candidate;
        } catch (RuntimeException e) {
            log.warn("package {} could not be validated: {}", candidate.id(), e.toString());
            return refuse(candidate, UpdateStep.VALIDATE, List.of(new Reason("NOT_CHECKED",
                    "The package could not be checked against the update rules (" + e.getMessage() + ").")), true);
        }
    }

    /** Refuses a package that passed the checks but lost to another (the newer one on the same stick). */
    Candidate supersede(Candidate candidate, String winner) {
        return refuse(candidate, UpdateStep.VALIDATE, List.of(new Reason("SUPERSEDED",
                "Version " + candidate.version() + " was left out: the same stick carries the newer version " + winner + ".")), false);
    }

    /**
     * @param retryable whether every reason lies in the box's passing state, so that the same file
     *     is checked anew when it is brought again (a refusal for the package's content is for good)
     */
    Candidate refuse(Candidate candidate, UpdateStep step, List<Reason> reasons, boolean retryable) {
        folders.removeStaging(candidate.id());
        store.recordReasons(candidate.id(), reasons, retryable);
        journal.record(candidate.id(), step, "failed", "Refused: " + String.join(" ", reasons.stream().map(Reason::message).toList()));
        journal.moveTo(candidate.id(), UpdateStatus.REFUSED, step);
        return candidate.refusedFor(reasons, retryable);
    }
}

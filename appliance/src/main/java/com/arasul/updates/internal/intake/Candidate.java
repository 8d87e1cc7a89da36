package com.arasul.updates.internal.intake;

import com.arasul.updates.format.VerifiedPackage;
import java.util.List;
import java.util.UUID;

/**
 * A package on its way through the checks.
 *
 * @param id its row in {@code update_packages}; for a package received before, that earlier row
 * @param verified the verifier's result, {@code null} until (or unless) it verified
 * @param reasons why it is refused; empty while it passes
 * @param duplicate whether the same file (by SHA-256) was received before
 * @param retryable whether it is refused only for the box's passing state, so the same file may come again
 */
record Candidate(UUID id, IncomingPackage incoming, long freeDiskBytes, VerifiedPackage verified,
        List<Reason> reasons, boolean duplicate, boolean retryable) {

    Candidate {
        reasons = List.copyOf(reasons);
    }

    static Candidate received(UUID id, IncomingPackage incoming, long freeDiskBytes) {
        return new Candidate(id, incoming, freeDiskBytes, null, List.of(), false, false);
    }

    static Candidate alreadyReceived(UUID earlier, IncomingPackage incoming, Reason reason) {
        return new Candidate(earlier, incoming, 0, null, List.of(reason), true, false);
    }

    boolean refused() {
        return !reasons.isEmpty();
    }

    Candidate verifiedAs(VerifiedPackage verified) {
        return new Candidate(id, incoming, freeDiskBytes, verified, reasons, duplicate, retryable);
    }

    Candidate refusedFor(List<Reason> why, boolean forNow) {
        return new Candidate(id, incoming, freeDiskBytes, verified, why, duplicate, forNow);
    }

    String version() {
        return verified == null ? null : verified.manifest().version().toString();
    }
}

package com.arasul.updates.internal.intake;

import java.io.File;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The USB door's own decisions: what a file on a stick is, and which package of a stick is installed. */
final class UsbIntake {

    private static final Logger log = LoggerFactory.getLogger(UsbIntake.class);

    private final FileHashes hashes;
    private final PackageChecks checks;
    private final PackageAcceptance acceptance;

    UsbIntake(FileHashes hashes, PackageChecks checks, PackageAcceptance acceptance) {
        this.hashes = hashes;
        this.checks = checks;
        this.acceptance = acceptance;
    }

    IncomingPackage incoming(File file) {
        // packages are found below a stick's updates/ folder, so the stick is the folder above it
        return new IncomingPackage(file.toPath(), file.getName(), file.length(), hashes.sha256(file), PackageSource.USB,
                file.toPath().toAbsolutePath().getParent().getParent());
    }

    /**
     * Of the packages found on one stick, the newest that passed every check is queued for
     * installing; the others that passed are refused as superseded. Packages seen before are left alone.
     */
    void decide(List<Candidate> stick) {
        List<Candidate> valid = stick.stream().filter(c -> !c.refused() && !c.duplicate()).toList();
        Optional<Candidate> newest = valid.stream()
                .max(Comparator.comparing((Candidate c) -> c.verified().manifest().version()));
        newest.ifPresent(winner -> {
            valid.stream().filter(c -> c != winner).forEach(c -> checks.supersede(c, winner.version()));
            acceptance.queue(winner);
            log.info("USB stick {}: version {} queued for installing", winner.incoming().stick(), winner.version());
        });
        stick.stream().filter(Candidate::duplicate)
                .forEach(c -> log.info("USB stick: {} was received before and is ignored", c.incoming().fileName()));
    }
}

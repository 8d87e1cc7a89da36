package com.arasul.updates.bench;

import com.arasul.updates.format.PackageVerifier;
import com.arasul.updates.format.TrustedKeys;
import com.arasul.updates.format.VerificationLimits;
import com.arasul.updates.format.VerifiedPackage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The child JVM of {@link VerifyBenchmark}: verifies one package (or, with {@code --idle}, does
 * nothing), reports, then waits on stdin so that the parent can read its peak RSS before it exits.
 */
public final class VerifyChild {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--idle")) {
            System.out.println("ready");
        } else {
            PackageVerifier verifier = new PackageVerifier(TrustedKeys.load(Path.of(args[1])), VerificationLimits.defaults());
            // The first verification runs in a cold JVM (SHA-256 not yet compiled), the second as in
            // a long-running appliance.
            StringBuilder report = new StringBuilder("verified");
            for (int run = 0; run < 2; run++) {
                Path staging = Path.of(args[2]);
                long start = System.nanoTime();
                VerifiedPackage verified = verifier.verify(Path.of(args[0]), staging);
                report.append(' ').append(System.nanoTime() - start).append(' ').append(verified.archiveBytes());
                try (Stream<Path> walk = Files.walk(staging)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            System.out.println(report);
        }
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
    }
}

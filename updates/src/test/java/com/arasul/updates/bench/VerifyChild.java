package com.arasul.updates.bench;

import com.arasul.updates.format.PackageVerifier;
import com.arasul.updates.format.TrustedKeys;
import com.arasul.updates.format.VerificationLimits;
import com.arasul.updates.format.VerifiedPackage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

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
            long start = System.nanoTime();
            VerifiedPackage verified = verifier.verify(Path.of(args[0]), Path.of(args[2]));
            long nanos = System.nanoTime() - start;
            System.out.println("verified " + nanos + " " + verified.archiveBytes());
        }
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
    }
}

package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.storage.ObjectStorage;
import com.arasul.storage.S3Server;
import com.arasul.storage.StorageBuckets;
import com.arasul.storage.StorageProperties;
import com.arasul.storage.internal.MinioObjectStorage;
import com.arasul.storage.internal.StorageMonitor;
import com.arasul.updates.UpdateStatus;
import com.arasul.updates.format.PackageVerifier;
import com.arasul.updates.format.TrustedKeys;
import com.arasul.updates.format.VerificationLimits;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accepted packages kept in the {@code updates} bucket of a real S3 server in the test's JVM (S3Proxy;
 * it lacks versioning and lifecycle, which keeping a package does not need), and an update that goes on
 * while that server is gone.
 */
class AcceptedPackagesTests {

    @TempDir
    Path temp;

    S3Server server;
    MinioObjectStorage storage;
    StorageMonitor monitor;
    AcceptedPackages kept;

    @BeforeEach
    void start() throws Exception {
        server = new S3Server(Files.createDirectories(temp.resolve("s3"))).start();
        var properties = new StorageProperties(server.endpoint(), null, S3Server.ACCESS_KEY, null, S3Server.SECRET_KEY,
                null, server.region(), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(10));
        storage = new MinioObjectStorage(properties);
        monitor = new StorageMonitor(storage, properties, Clock.systemUTC());
        assertThat(monitor.check().up()).isTrue();
        kept = new AcceptedPackages(storage, Files.createDirectories(temp.resolve("work")), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        storage.close();
        server.close();
    }

    @Test
    void keepsAnAcceptedPackageBesideItsValidationResult() throws Exception {
        Candidate accepted = accepted("2.1.0");

        var outcome = kept.keep(accepted, UpdateStatus.READY);

        assertThat(outcome).hasValueSatisfying(o -> {
            assertThat(o.kept()).as(o.sentence()).isTrue();
            assertThat(o.sentence()).contains("updates bucket as 2.1.0/" + accepted.id() + ".araupdate");
        });
        assertThat(storage.list(StorageBuckets.UPDATES, "2.1.0/")).extracting(ObjectStorage.StoredObject::key)
                .containsExactlyInAnyOrder("2.1.0/" + accepted.id() + ".araupdate", "2.1.0/" + accepted.id() + ".validation.json");
        try (InputStream in = storage.get(StorageBuckets.UPDATES, "2.1.0/" + accepted.id() + ".araupdate")) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(accepted.incoming().file()));
        }
        try (InputStream in = storage.get(StorageBuckets.UPDATES, "2.1.0/" + accepted.id() + ".validation.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"package_id\" : \"" + accepted.id() + "\"")
                    .contains("\"sha256\" : \"" + accepted.incoming().sha256() + "\"")
                    .contains("\"accepted_as\" : \"READY\"")
                    .contains("fits this box");
        }
        try (var left = Files.list(temp.resolve("work"))) {
            assertThat(left).as("the validation result's temporary file").isEmpty();
        }
    }

    @Test
    void aPackageIsNotKeptButNothingFailsWhileTheStorageIsGone() throws Exception {
        Candidate accepted = accepted("2.2.0");
        server.stop();

        // the last look still said "up": the put itself fails within its time limit
        var unnoticed = kept.keep(accepted, UpdateStatus.QUEUED);
        assertThat(unnoticed).hasValueSatisfying(o -> {
            assertThat(o.kept()).isFalse();
            assertThat(o.sentence()).startsWith("Not kept in the object storage").endsWith("the update goes on without that copy.");
        });

        // once the look has seen the outage, nothing is even tried
        assertThat(monitor.check().up()).isFalse();
        var noticed = kept.keep(accepted, UpdateStatus.QUEUED);
        assertThat(noticed).hasValueSatisfying(o -> {
            assertThat(o.kept()).isFalse();
            assertThat(o.sentence()).contains("The object storage is down");
        });
    }

    @Test
    void withoutObjectStorageNothingIsSaid() throws Exception {
        var unconfigured = new MinioObjectStorage(new StorageProperties(null, null, null, null, null, null, "us-east-1",
                Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(10)));
        try {
            assertThat(new AcceptedPackages(unconfigured, temp, Clock.systemUTC()).keep(accepted("2.3.0"), UpdateStatus.READY))
                    .isEmpty();
        } finally {
            unconfigured.close();
        }
    }

    /** A package as it leaves the checks: verified against a trusted key, validated. */
    private Candidate accepted(String version) throws Exception {
        Path keys = temp.resolve("keys");
        Path file = new TestPackages(Files.createDirectories(temp.resolve("packages-" + version))).trustedBy(keys)
                .rules(version, "2.0.0");
        var verified = new PackageVerifier(TrustedKeys.load(keys), new VerificationLimits(1000, 1L << 30))
                .verify(file, temp.resolve("staged-" + version));
        var incoming = new IncomingPackage(file, "box-" + version + ".araupdate", Files.size(file),
                new FileHashes().sha256(file.toFile()), PackageSource.UPLOAD, null);
        return Candidate.received(UUID.randomUUID(), incoming, 0).verifiedAs(verified);
    }
}

package com.arasul.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arasul.storage.internal.MinioObjectStorage;
import com.arasul.storage.internal.StorageMonitor;
import com.arasul.storage.internal.StorageTestAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStorageTests {

    @TempDir
    Path temp;

    S3Server server;
    MinioObjectStorage storage;
    StorageMonitor monitor;

    @BeforeEach
    void start() throws Exception {
        server = new S3Server(Files.createDirectories(temp.resolve("s3"))).start();
        var properties = new StorageProperties(server.endpoint(), null, S3Server.ACCESS_KEY, null, null,
                writeSecret(S3Server.SECRET_KEY).toString(), server.region(), Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(400),
                Duration.ofMinutes(10));
        storage = new MinioObjectStorage(properties);
        monitor = new StorageMonitor(storage, properties, Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        storage.close();
        server.close();
    }

    @Test
    void makesTheSixBucketsAtTheFirstLookAndSaysWhichApisTheServerLacks() {
        StorageHealth health = monitor.check();
        assertThat(health.up()).as(health.detail()).isTrue();

        assertThat(StorageTestAccess.buckets(storage)).extracting(BucketState::name, BucketState::exists)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("documents", true),
                        org.assertj.core.groups.Tuple.tuple("workflow-data", true),
                        org.assertj.core.groups.Tuple.tuple("llm-cache", true),
                        org.assertj.core.groups.Tuple.tuple("embeddings-cache", true),
                        org.assertj.core.groups.Tuple.tuple("backups", true),
                        org.assertj.core.groups.Tuple.tuple("updates", true));
        assertThat(StorageTestAccess.buckets(storage)).allSatisfy(bucket -> {
            assertThat(bucket.policy()).isEqualTo("private");
            // S3Proxy answers 501 NotImplemented for bucket versioning and lifecycle
            assertThat(bucket.versioning()).isEqualTo("not supported by this server");
            assertThat(bucket.lifecycle()).isEqualTo("not supported by this server");
        });
        assertThat(monitor.lastReconcile().unsupported())
                .containsExactly("versioning not supported by this server", "lifecycle (expiry) not supported by this server");
        assertThat(monitor.lastReconcile().warnings()).isEmpty();
    }

    @Test
    void reconcilingAgainChangesNothing() throws Exception {
        monitor.check();

        var again = StorageTestAccess.reconcile(storage);

        assertThat(again.changes()).isEmpty();
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void putsListsReadsAndRemovesObjects() throws Exception {
        monitor.check();
        Path file = temp.resolve("archive.tar");
        Files.writeString(file, "the archive");

        storage.put(StorageBuckets.BACKUPS, "daily/archive.tar", file, "application/x-tar");

        assertThat(storage.list(StorageBuckets.BACKUPS, "daily/")).extracting(ObjectStorage.StoredObject::key,
                ObjectStorage.StoredObject::size).containsExactly(org.assertj.core.groups.Tuple.tuple("daily/archive.tar", 11L));
        try (var in = storage.get(StorageBuckets.BACKUPS, "daily/archive.tar")) {
            assertThat(new String(in.readAllBytes())).isEqualTo("the archive");
        }
        storage.remove(StorageBuckets.BACKUPS, "daily/archive.tar");
        assertThat(storage.list(StorageBuckets.BACKUPS, "")).isEmpty();
    }

    @Test
    void reportsAnOutageWithoutCrashingAndReconcilesWhenTheServerIsBackOnTheSamePort() throws Exception {
        assertThat(monitor.check().up()).isTrue();
        Path bucketsFolder = server.folder();

        server.stop();
        StorageHealth down = monitor.check();
        assertThat(down.state()).isEqualTo(StorageHealth.DOWN);
        assertThat(down.detail()).startsWith("The object storage is down: it does not answer at " + server.endpoint());
        assertThatThrownBy(() -> storage.list(StorageBuckets.DOCUMENTS, ""))
                .isInstanceOf(ObjectStorage.StorageUnavailable.class)
                .hasMessageStartingWith("The object storage could not be used");
        // a bucket lost while the server was away must be made again when it returns
        org.springframework.util.FileSystemUtils.deleteRecursively(bucketsFolder.resolve(StorageBuckets.LLM_CACHE));

        server.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> monitor.check().up());

        assertThat(StorageTestAccess.buckets(storage)).extracting(BucketState::name, BucketState::exists)
                .contains(org.assertj.core.groups.Tuple.tuple(StorageBuckets.LLM_CACHE, true));
    }

    @Test
    void notConfiguredStorageSaysSoInASentence() {
        var none = new MinioObjectStorage(new StorageProperties("", null, null, null, null, null, "us-east-1",
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)));

        assertThat(none.configured()).isFalse();
        assertThat(none.health().state()).isEqualTo(StorageHealth.NOT_CONFIGURED);
        assertThatThrownBy(() -> none.list(StorageBuckets.BACKUPS, ""))
                .hasMessage(StorageHealth.NOT_CONFIGURED_SENTENCE);
    }

    private Path writeSecret(String secret) throws Exception {
        Path file = temp.resolve("secret-key");
        Files.writeString(file, secret + "\n");
        return file;
    }
}

package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.platform.DataDirectory;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.format.SemanticVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.jdbc.core.JdbcTemplate;

/** The USB door: a package on a stick is picked up once it settled and queued for installing by itself. */
@IntakeTest
class UsbIntakeTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired InstalledVersion installed;
    @Autowired IntakeFolders folders;
    @Autowired DataDirectory data;
    @Autowired JdbcChannelMessageStore updateChannelStore;

    TestPackages packages;
    ApplyQueueProbe queue;
    Path usb;
    final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void boxRunsVersionTwo() throws IOException {
        installed.record(SemanticVersion.parse("2.0.0"), null);
        packages = new TestPackages(Files.createTempDirectory(data.root(), "packages-")).trustedBy(folders.trustedKeys());
        queue = new ApplyQueueProbe(updateChannelStore, jdbc);
        usb = data.root().resolve("usb"); // the USB root the intake tests configure
        Files.createDirectories(usb);
    }

    @AfterEach
    void stopWriter() {
        writer.shutdownNow();
    }

    @Test
    void picksUpAPackageOnceItSettledQueuesItAndIgnoresTheSameFileAgain() throws Exception {
        Path built = packages.rules("2.1.0", "2.0.0");
        String sha256 = UploadIntakeTests.Sha256.of(built);
        Path onStick = usb.resolve("stick1/updates/release.araupdate");
        Files.createDirectories(onStick.getParent());

        // copied slowly: a chunk every 200 ms for about 2 s, longer than the settle age of 1 s between starts
        byte[] bytes = Files.readAllBytes(built);
        int chunks = 10;
        AtomicInteger written = new AtomicInteger();
        OutputStream out = Files.newOutputStream(onStick);
        writer.scheduleWithFixedDelay(() -> {
            try {
                int i = written.get();
                if (i < chunks) {
                    int from = bytes.length * i / chunks;
                    out.write(bytes, from, bytes.length * (i + 1) / chunks - from);
                    out.flush();
                    if (written.incrementAndGet() == chunks) {
                        out.close();
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, 0, 200, TimeUnit.MILLISECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> written.get() == chunks);
        assertThat(rowsFor(sha256)).as("nothing is taken while the file is being written").isEmpty();
        // in the meantime no partial file was taken either
        assertThat(jdbc.queryForObject("select count(*) from update_packages where file_name = 'release.araupdate'",
                Integer.class)).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> rowsFor(sha256).size() == 1);
        Map<String, Object> row = rowsFor(sha256).getFirst();
        UUID id = (UUID) row.get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"RECEIVED".equals(status(id)));
        assertThat(row.get("source")).isEqualTo("usb");
        assertThat(status(id)).isIn("QUEUED", "APPLYING", "COMMITTED");
        assertThat(queue.queuedOrTaken(id)).isTrue();
        // nobody asked for it: the apply engine takes it from the queue and installs it by itself
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id), "COMMITTED"::equals);
        assertThat(installed.current().toString()).isEqualTo("2.1.0");
        assertThat(jdbc.queryForList("select step || ':' || status from update_events where package_id = ? order by id",
                String.class, id)).startsWith("RECEIVE:done", "VERIFY:done", "VALIDATE:done", "QUEUE:done", "QUEUE:taken")
                .contains("BACKUP:done", "INSTALL:done", "RESTART:done", "HEALTH_GATE:done", "COMMIT:done");

        // the same content again, under another name on another stick: ignored, not even recorded
        Path copy = usb.resolve("stick2/updates/same-again.araupdate");
        Files.createDirectories(copy.getParent());
        Files.copy(onStick, copy);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                rowsFor(sha256).size() == 1 && receiveEvents(id) == 1);
    }

    @Test
    void queuesOnlyTheNewestValidPackageOfAStick() throws Exception {
        Path older = packages.rules("3.0.0", "2.0.0");
        Path newer = packages.rules("3.1.0", "2.0.0");
        Path stick = Files.createDirectories(usb.resolve("stick3/updates"));
        // written beside each other first, then moved into place at once, as a copy to a stick ends
        Files.copy(older, stick.resolve("a-3.0.0.araupdate.tmp"));
        Files.copy(newer, stick.resolve("b-3.1.0.araupdate.tmp"));
        Files.move(stick.resolve("a-3.0.0.araupdate.tmp"), stick.resolve("a-3.0.0.araupdate"));
        Files.move(stick.resolve("b-3.1.0.araupdate.tmp"), stick.resolve("b-3.1.0.araupdate"));

        String olderSha = UploadIntakeTests.Sha256.of(older);
        String newerSha = UploadIntakeTests.Sha256.of(newer);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUSED".equals(statusOf(olderSha))
                && statusOf(newerSha) != null && !"RECEIVED".equals(statusOf(newerSha)));

        assertThat(statusOf(newerSha)).isNotEqualTo("REFUSED");
        UUID newerId = (UUID) rowsFor(newerSha).getFirst().get("id");
        assertThat(queue.queuedOrTaken(newerId)).isTrue();
        UUID olderId = (UUID) rowsFor(olderSha).getFirst().get("id");
        assertThat(jdbc.queryForObject("select reason from update_packages where id = ?", String.class, olderId))
                .startsWith("SUPERSEDED: ").contains("3.1.0");
        assertThat(queue.holds(olderId)).isFalse();
        assertThat(folders.stagingOf(olderId)).doesNotExist();
        await().atMost(Duration.ofSeconds(60)).until(() -> status(newerId), "COMMITTED"::equals);
    }

    private List<Map<String, Object>> rowsFor(String sha256) {
        return jdbc.queryForList("select id, source, status from update_packages where sha256 = ?", sha256);
    }

    private String status(UUID id) {
        return jdbc.queryForObject("select status from update_packages where id = ?", String.class, id);
    }

    private String statusOf(String sha256) {
        return rowsFor(sha256).stream().map(r -> (String) r.get("status")).findFirst().orElse(null);
    }

    /** A copy that was ignored leaves no trace, not even an "ignored" event. */
    private int receiveEvents(UUID id) {
        return jdbc.queryForObject("select count(*) from update_events where package_id = ? and step = 'RECEIVE'",
                Integer.class, id);
    }
}

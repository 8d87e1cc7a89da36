package com.arasul.containers.internal;

import static com.arasul.containers.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.containers.DockerCli;
import com.arasul.containers.DockerDaemonDown;
import com.arasul.containers.DockerDaemonUp;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import com.arasul.containers.UnixSocketProxy;
import com.github.dockerjava.api.model.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon going away and coming back, simulated by cutting a proxy in front of the shared engine. */
class DockerDaemonOutageTests {

    private static final String PREFIX = "dck-out-";

    @TempDir
    Path dir;

    @AfterAll
    static void cleanUp() {
        DockerCli.removeEverythingNamed(PREFIX);
    }

    @Test
    void reportsDockerDownThenReconnectsWithBackoffAndDeliversEventsAgain() throws Exception {
        TestImages.sleeper(PREFIX + "sleeper:v1");
        List<Object> published = new CopyOnWriteArrayList<>();
        List<Event> received = new CopyOnWriteArrayList<>();
        try (var proxy = new UnixSocketProxy(dir.resolve("d.sock"), Path.of("/var/run/docker.sock")).start();
                var connection = new DockerConnection(DockerTestProperties.forHost(proxy.dockerHost()))) {
            var status = new DaemonStatus(published::add, connection, Clock.systemUTC());
            var stream = new DockerEventStream(connection, status, Duration.ofMillis(200), Duration.ofSeconds(5), received::add);
            stream.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> count(published, DockerDaemonUp.class) == 1);
                String id = docker("run", "-d", "--name", PREFIX + "witness",
                        "--label", ServiceLabels.SERVICE + "=" + PREFIX + "witness", PREFIX + "sleeper:v1")
                        .orFail().out().strip();
                await().atMost(Duration.ofSeconds(10)).until(() -> has(received, id, "start"));

                proxy.cut();

                await().atMost(Duration.ofSeconds(5)).until(() -> count(published, DockerDaemonDown.class) == 1);
                // while it is away, the container dies; nobody is listening
                docker("stop", "-t", "0", id).orFail();
                await().atMost(Duration.ofSeconds(15)).until(() -> proxy.refusedAttempts().size() >= 4);
                List<Instant> attempts = proxy.refusedAttempts();
                Duration first = Duration.between(attempts.get(0), attempts.get(1));
                Duration second = Duration.between(attempts.get(1), attempts.get(2));
                Duration third = Duration.between(attempts.get(2), attempts.get(3));
                assertThat(second).as("back-off grows").isGreaterThan(first);
                assertThat(third).as("back-off grows").isGreaterThan(second);
                assertThat(first).as("no tight loop").isGreaterThanOrEqualTo(Duration.ofMillis(150));
                assertThat(count(published, DockerDaemonDown.class)).as("one outage, one event").isEqualTo(1);

                proxy.restore();

                await().atMost(Duration.ofSeconds(15)).until(() -> count(published, DockerDaemonUp.class) == 2);
                // the die during the outage is caught up with, and new events flow
                await().atMost(Duration.ofSeconds(10)).until(() -> has(received, id, "die"));
                docker("start", id).orFail();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> received.stream().filter(e -> id.equals(e.getId()) && "start".equals(e.getAction())).count() == 2);
                assertThat(published.getLast()).isInstanceOfSatisfying(DockerDaemonUp.class,
                        up -> assertThat(up.apiVersion()).isEqualTo("1.41"));
            } finally {
                stream.stop();
            }
        }
    }

    private static long count(List<Object> published, Class<?> type) {
        return published.stream().filter(type::isInstance).count();
    }

    private static boolean has(List<Event> received, String id, String action) {
        return received.stream().anyMatch(e -> id.equals(e.getId()) && action.equals(e.getAction()));
    }
}

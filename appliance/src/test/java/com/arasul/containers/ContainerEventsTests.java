package com.arasul.containers;

import static com.arasul.containers.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;

@ApplianceTest
class ContainerEventsTests {

    private static final String PREFIX = "dck-ev-";
    private static final String SLEEPER = PREFIX + "sleeper:v1";
    private static final String HEALTH = PREFIX + "health:v1";

    @Autowired
    @Qualifier(ContainerChannels.CONTAINER_EVENTS)
    SubscribableChannel containerEvents;

    @Autowired
    @Qualifier(ContainerChannels.CONTAINER_STATES)
    SubscribableChannel containerStates;

    @Autowired
    ContainerActions actions;

    private final List<ContainerEvent> events = new CopyOnWriteArrayList<>();
    private final MessageHandler recorder = message -> {
        if (message.getPayload() instanceof ContainerEvent event) {
            events.add(event);
        }
    };

    @BeforeAll
    static void images() {
        DockerCli.removeEverythingNamed(PREFIX);
        TestImages.sleeper(SLEEPER);
        TestImages.healthChecked(HEALTH);
    }

    @AfterAll
    static void cleanUp() {
        DockerCli.removeEverythingNamed(PREFIX);
    }

    @BeforeEach
    void record() {
        containerEvents.subscribe(recorder);
    }

    @AfterEach
    void stopRecording() {
        containerEvents.unsubscribe(recorder);
    }

    @Test
    void reportsDieWhenTheMainProcessOfAManagedContainerIsKilled() {
        String id = runManaged(PREFIX + "killed", SLEEPER, "dck-ev-killed");
        await().atMost(Duration.ofSeconds(10)).until(() -> has(id, "start"));

        String pid = DockerCli.inspect(id, "{{.State.Pid}}");
        assertThat(killFromHost(pid)).isZero();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
                .filteredOn(e -> e.containerId().equals(id) && e.action().equals(ContainerEvent.DIE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.service()).isEqualTo("dck-ev-killed");
                    assertThat(e.exitCode()).isEqualTo(137);
                    assertThat(e.timestamp()).isNotNull();
                    assertThat(e.cause()).isEqualTo(ContainerEvent.CRASH);
                }));
    }

    @Test
    void tellsAPersonsStopAndRemovalFromTheAppliancesOwnRestart() {
        String stopped = runManaged(PREFIX + "stopped", SLEEPER, "dck-ev-stopped");
        String restarted = runManaged(PREFIX + "restarted", SLEEPER, "dck-ev-restarted");
        await().atMost(Duration.ofSeconds(10)).until(() -> has(stopped, "start") && has(restarted, "start"));

        docker("stop", "-t", "1", stopped).orFail();
        docker("rm", stopped).orFail();
        assertThat(actions.restartUnresponsive("dck-ev-restarted").success()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> has(stopped, ContainerEvent.DESTROY)
                && has(restarted, ContainerEvent.RESTART));
        assertThat(cause(stopped, ContainerEvent.KILL)).isEqualTo(ContainerEvent.ADMINISTRATOR);
        assertThat(cause(stopped, ContainerEvent.DIE)).isEqualTo(ContainerEvent.ADMINISTRATOR);
        assertThat(cause(stopped, ContainerEvent.DESTROY)).isEqualTo(ContainerEvent.ADMINISTRATOR);
        assertThat(cause(restarted, ContainerEvent.KILL)).isEqualTo(ContainerEvent.APPLIANCE);
        assertThat(cause(restarted, ContainerEvent.DIE)).isEqualTo(ContainerEvent.APPLIANCE);
    }

    @Test
    void aPlannedRestartWaitsForTheContainersOwnStopTimeout() {
        // busybox sleep ignores SIGTERM: the stop lasts exactly as long as the stop timeout
        String id = docker("run", "-d", "--name", PREFIX + "graceful", "--stop-timeout", "8", "--label",
                ServiceLabels.SERVICE + "=dck-ev-graceful", SLEEPER).orFail().out().strip();
        await().atMost(Duration.ofSeconds(10)).until(() -> has(id, "start"));

        ActionResult planned = actions.restart("dck-ev-graceful");
        ActionResult hung = actions.restartUnresponsive("dck-ev-graceful");

        assertThat(planned.success()).isTrue();
        assertThat(planned.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        // the short 2 s, and the start, on a busy machine
        assertThat(hung.duration()).isLessThan(Duration.ofSeconds(8));
    }

    private String cause(String containerId, String action) {
        return events.stream().filter(e -> e.containerId().equals(containerId) && e.action().equals(action))
                .findFirst().map(ContainerEvent::cause).orElse("none");
    }

    @Test
    void reportsUnhealthyWhenTheHealthCheckStartsFailing() {
        String id = runManaged(PREFIX + "sick", HEALTH, "dck-ev-sick");
        await().atMost(Duration.ofSeconds(15)).until(() -> hasHealth(id, "healthy"));

        docker("exec", id, "rm", "/tmp/healthy").orFail();

        await().atMost(Duration.ofSeconds(15)).until(() -> hasHealth(id, "unhealthy"));
    }

    @Test
    void saysNothingAboutAContainerWithoutTheServiceLabel() {
        String unlabelled = docker("run", "-d", "--name", PREFIX + "stranger", SLEEPER).orFail().out().strip();
        String managed = runManaged(PREFIX + "witness", SLEEPER, "dck-ev-witness");
        docker("rm", "-f", PREFIX + "stranger").orFail();
        docker("rm", "-f", managed).orFail();

        // the managed container's death came after the stranger's: had the stranger been reported, it would be by now
        await().atMost(Duration.ofSeconds(10)).until(() -> has(managed, ContainerEvent.DIE));
        assertThat(events).noneMatch(e -> e.containerId().equals(unlabelled));
    }

    @Test
    void pollsTheStateOfEveryManagedServiceAsABackstop() {
        runManaged(PREFIX + "polled", SLEEPER, "dck-ev-polled");
        List<ContainerStates> snapshots = new CopyOnWriteArrayList<>();
        MessageHandler poll = message -> snapshots.add((ContainerStates) message.getPayload());
        containerStates.subscribe(poll);
        try {
            await().atMost(Duration.ofSeconds(25)).until(() -> snapshots.stream().anyMatch(s -> s.services().stream()
                    .anyMatch(m -> m.name().equals("dck-ev-polled") && m.running())));
        } finally {
            containerStates.unsubscribe(poll);
        }
    }

    private static String runManaged(String name, String image, String service) {
        return docker("run", "-d", "--name", name, "--label", ServiceLabels.SERVICE + "=" + service, image)
                .orFail().out().strip();
    }

    private static int killFromHost(String pid) {
        try {
            return new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private boolean has(String id, String action) {
        return events.stream().anyMatch(e -> e.containerId().equals(id) && e.action().equals(action));
    }

    private boolean hasHealth(String id, String health) {
        return events.stream().anyMatch(e -> e.containerId().equals(id)
                && e.action().equals(ContainerEvent.HEALTH_STATUS) && health.equals(e.health()));
    }
}

package com.arasul.containers;

import static com.arasul.containers.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApplianceTest
class ContainerActionsTests {

    private static final String PREFIX = "dck-act-";
    private static final String SLEEPER = PREFIX + "sleeper:v1";
    private static final String TALKER = PREFIX + "talker:v1";

    @Autowired
    ContainerActions actions;

    @BeforeAll
    static void images() {
        DockerCli.removeEverythingNamed(PREFIX);
        TestImages.sleeper(SLEEPER);
        TestImages.build(TALKER, 
                // stdout and stderr reach the log file through separate copiers: keep them apart in time
                "CMD [\"sh\", \"-c\", \"echo oops >&2; sleep 1; for i in 1 2 3 4 5; do echo line $i; done; exec sleep 3600\"]");
    }

    @AfterAll
    static void cleanUp() {
        DockerCli.removeEverythingNamed(PREFIX);
    }

    @Test
    void restartBringsTheContainerBackRunningWithinSeconds() {
        String id = runManaged("restarted", SLEEPER, "--label", ServiceLabels.CRITICAL + "=true",
                "--label", ServiceLabels.DEPENDS_ON + "=dck-act-db, dck-act-cache", "--label", ServiceLabels.START_ORDER + "=3");
        String startedBefore = DockerCli.inspect(id, "{{.State.StartedAt}}");

        // busybox sleep ignores SIGTERM: a planned restart would wait the whole 10 s default stop timeout
        ActionResult result = actions.restartUnresponsive("dck-act-restarted");

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(8));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(actions.service("dck-act-restarted"))
                .get().satisfies(s -> {
                    assertThat(s.running()).isTrue();
                    assertThat(s.containerId()).isEqualTo(id);
                    assertThat(s.critical()).isTrue();
                    assertThat(s.dependsOn()).containsExactly("dck-act-db", "dck-act-cache");
                    assertThat(s.startOrder()).isEqualTo(3);
                }));
        assertThat(DockerCli.inspect(id, "{{.State.StartedAt}}")).isNotEqualTo(startedBefore);
    }

    @Test
    void stopAndStartRunsTheContainerAgain() {
        String id = runManaged("cycled", SLEEPER);

        assertThat(actions.stopAndStart("dck-act-cycled").success()).isTrue();

        assertThat(DockerCli.inspect(id, "{{.State.Running}}")).isEqualTo("true");
    }

    @Test
    void refusesEveryActionOnAContainerWithoutTheServiceLabel() {
        String name = PREFIX + "stranger";
        docker("run", "-d", "--name", name, SLEEPER).orFail();

        for (String target : new String[] {name, DockerCli.inspect(name, "{{.Id}}")}) {
            assertThat(actions.restart(target).success()).isFalse();
            assertThat(actions.stopAndStart(target).success()).isFalse();
            assertThat(actions.stop(target).success()).isFalse();
            assertThat(actions.restart(target).message()).contains("no container is labelled");
            assertThat(actions.usage(target)).isEmpty();
            assertThat(actions.service(target)).isEmpty();
            assertThatThrownBy(() -> actions.logs(target, 10)).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> actions.followLogs(target, 10)).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(actions.services()).noneMatch(s -> s.containerName().equals(name));
        assertThat(DockerCli.inspect(name, "{{.RestartCount}} {{.State.Running}}")).isEqualTo("0 true");
    }

    @Test
    void samplesCpuAndMemoryOfARunningService() {
        runManaged("measured", SLEEPER);

        assertThat(actions.usage("dck-act-measured")).get().satisfies(u -> {
            assertThat(u.memoryBytes()).isPositive();
            assertThat(u.memoryLimitBytes()).isGreaterThanOrEqualTo(u.memoryBytes());
            assertThat(u.cpuPercent()).isBetween(0.0, 100.0 * Runtime.getRuntime().availableProcessors());
        });
    }

    @Test
    void readsTheLastLinesOfTheLogWithTimestamps() {
        runManaged("talker", TALKER);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(actions.logs("dck-act-talker", 3))
                .extracting(LogLine::text).containsExactly("line 3", "line 4", "line 5"));
        assertThat(actions.logs("dck-act-talker", 100)).allSatisfy(l -> assertThat(l.timestamp()).isNotNull())
                .anySatisfy(l -> assertThat(l).extracting(LogLine::stream, LogLine::text).containsExactly("stderr", "oops"));
    }

    @Test
    void followsTheLogIntoABoundedBuffer() {
        String id = runManaged("followed", SLEEPER);

        try (LogFollow follow = actions.followLogs("dck-act-followed", 0)) {
            docker("exec", id, "sh", "-c", "echo hello from exec > /proc/1/fd/1").orFail();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(follow.next(Duration.ofMillis(200)))
                    .get().extracting(LogLine::text).isEqualTo("hello from exec"));
        }
    }

    @Test
    void prunesOnlyDanglingImages() {
        String dangling = PREFIX + "dangling:v1";
        TestImages.build(dangling, "LABEL dck.purpose=dangling");
        String danglingId = DockerCli.inspect(dangling, "{{.Id}}");
        // building the tag again elsewhere leaves the first image without a tag: dangling
        TestImages.build(dangling, "LABEL dck.purpose=replacement");
        String keptUnused = PREFIX + "unused:v1";
        TestImages.build(keptUnused, "LABEL dck.purpose=tagged-but-unused");

        // scoped to our label: other users of this engine may be building right now
        ActionResult result = actions.pruneDanglingImages("dck.purpose");

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(docker("image", "inspect", danglingId).exitCode()).isNotZero();
        assertThat(docker("image", "inspect", keptUnused).exitCode()).isZero();
        assertThat(docker("image", "inspect", dangling).exitCode()).isZero();
        assertThat(docker("image", "inspect", TestImages.BASE).exitCode()).isZero();
    }

    private static String runManaged(String name, String image, String... options) {
        var args = new java.util.ArrayList<>(java.util.List.of("run", "-d", "--name", PREFIX + name,
                "--label", ServiceLabels.SERVICE + "=" + PREFIX + name));
        args.addAll(java.util.List.of(options));
        args.add(image);
        return docker(args.toArray(String[]::new)).orFail().out().strip();
    }
}

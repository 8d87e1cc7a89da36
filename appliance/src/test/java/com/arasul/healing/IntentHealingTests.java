package com.arasul.healing;

import static com.arasul.containers.DockerCli.docker;
import static com.arasul.healing.HealingTestContainers.killMainProcess;
import static com.arasul.healing.HealingTestContainers.running;
import static com.arasul.healing.HealingTestContainers.startedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.containers.DockerCli;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import com.arasul.containers.UnixSocketProxy;
import com.arasul.healing.internal.Interventions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Healing knows intent, on the real Docker engine, confined to its own {@code hl8-} services and
 * talking to Docker through a proxy it can cut ("dockerd restarted"). First a maintenance catalog:
 * what a person does to a container, each followed by a quiet period with no healing action and no
 * service failure. Then the crashes, each restarted from its {@code die} event.
 */
@ApplianceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.engine.scope=hl8-.*",
        "arasul.healing.engine.prune-labels=arasul.test=hl8", "arasul.docker.poll-interval=3s",
        "arasul.docker.reconnect-initial=200ms", "arasul.docker.reconnect-max=2s",
        "arasul.security.admin-password=" + IntentHealingTests.PASSWORD,
        "arasul.security.rate-limits.login.requests=1000"})
class IntentHealingTests {

    static final String PASSWORD = "Intent-Healing-Password-8!";
    private static final String PREFIX = "hl8-";
    private static final String SLEEPER = PREFIX + "sleeper:v1";
    /** Its main process is a shell that exits 0 on SIGTERM, as a well-behaved service does. */
    private static final String POLITE = PREFIX + "polite:v1";
    /** Three poll intervals and more. */
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final UnixSocketProxy PROXY = UnixSocketProxy.toLocalDocker("hl8-proxy-");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Interventions interventions;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dockerThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("arasul.docker.host", PROXY::dockerHost);
    }

    @BeforeAll
    static void images() {
        DockerCli.removeEverythingNamed(PREFIX);
        TestImages.sleeper(SLEEPER);
        TestImages.build(POLITE, "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; while true; do sleep 1 & wait $!; done\"]");
    }

    @AfterAll
    static void cleanUp() {
        PROXY.close();
        DockerCli.removeEverythingNamed(PREFIX);
    }

    @BeforeEach
    void nothingRanBefore() {
        assertThat(hostActions()).as("no ordered restart before the crash cases").isZero();
    }

    @Test
    @Order(1)
    void aPersonsDockerStopIsNoFailureAndIsShownUntilTheServiceRunsAgain() {
        String service = PREFIX + "stopped";
        run(service, POLITE);

        docker("stop", service).orFail();

        await().atMost(Duration.ofSeconds(10)).until(() -> interventions.stoppedByAdministrator(service).isPresent());
        staysQuiet(service);
        assertThat(running(service)).isFalse();
        assertThat(events(service, "service_stopped")).isEqualTo(1);

        docker("start", service).orFail();
        await().atMost(Duration.ofSeconds(10)).until(() -> interventions.stoppedByAdministrator(service).isEmpty());
        staysQuiet(service);
    }

    @Test
    @Order(2)
    void aPersonsDockerKillIsNoFailure() {
        String service = PREFIX + "killed";
        run(service, SLEEPER);

        docker("kill", service).orFail();

        await().atMost(Duration.ofSeconds(10)).until(() -> interventions.stoppedByAdministrator(service).isPresent());
        staysQuiet(service);
        assertThat(running(service)).isFalse();
    }

    @Test
    @Order(3)
    void aRemovedContainerLeavesTheManagedSetAndIsNeverRestarted() {
        String service = PREFIX + "removed";
        run(service, SLEEPER);

        docker("rm", "-f", service).orFail();

        await().atMost(Duration.ofSeconds(10)).until(() -> interventions.removed().containsKey(service));
        staysQuiet(service);
        assertThat(events(service, "service_removed")).isEqualTo(1);
        assertThat(docker("inspect", service).exitCode()).isNotZero();
    }

    @Test
    @Order(4)
    void aPersonsDockerRestartIsNoFailure() {
        String service = PREFIX + "restarted";
        run(service, POLITE);
        Instant before = startedAt(service);

        docker("restart", service).orFail();

        await().atMost(Duration.ofSeconds(10)).until(() -> running(service) && startedAt(service).isAfter(before));
        staysQuiet(service);
        assertThat(interventions.stoppedByAdministrator(service)).isEmpty();
    }

    @Test
    @Order(5)
    void aServiceStoppedAndStartedLaterIsLeftAloneInBetween() {
        String service = PREFIX + "paused";
        run(service, SLEEPER);

        docker("stop", "-t", "1", service).orFail();
        staysQuiet(service);
        staysQuiet(service);

        docker("start", service).orFail();
        await().atMost(Duration.ofSeconds(10)).until(() -> interventions.stoppedByAdministrator(service).isEmpty());
        staysQuiet(service);
    }

    @Test
    @Order(6)
    void aContainerRemovedAndRecreatedWithTheSameLabelIsManagedAgainAndItsCrashIsHealed() {
        String service = PREFIX + "recreated";
        String first = run(service, POLITE);

        docker("rm", "-f", service).orFail();
        String second = run(service, POLITE);
        assertThat(second).isNotEqualTo(first);
        staysQuiet(service);
        assertThat(interventions.removed()).doesNotContainKey(service);

        Instant start = startedAt(service);
        Instant killed = killMainProcess(service);
        await().atMost(Duration.ofSeconds(15)).until(() -> running(service) && startedAt(service).isAfter(start));
        healedFromItsDieEvent(service, killed);
    }

    @Test
    @Order(7)
    void theDockerEngineRestartingWithARestartPolicyContainerCausesNoFailure() {
        String service = PREFIX + "policy";
        docker("rm", "-f", service);
        docker("run", "-d", "--restart", "always", "--name", service, "--label", ServiceLabels.SERVICE + "=" + service,
                POLITE).orFail();
        await().atMost(Duration.ofSeconds(10)).until(() -> running(service));
        int downBefore = events(null, "docker_down");

        PROXY.cut();
        await().atMost(Duration.ofSeconds(15)).until(() -> events(null, "docker_down") > downBefore);
        // what dockerd does to a container when it stops, and what its restart policy does when it is back
        docker("stop", service).orFail();
        docker("start", service).orFail();
        PROXY.restore();

        await().atMost(Duration.ofSeconds(20)).until(() -> events(null, "docker_up") > 0 && running(service));
        staysQuiet(service);
        assertThat(interventions.stoppedByAdministrator(service)).isEmpty();
    }

    @Test
    @Order(8)
    void duringAnAnnouncedMaintenanceAServiceIsStoppedAndStartedWithoutAnyAction() {
        String service = PREFIX + "maintained";
        run(service, POLITE);
        HttpApi api = new HttpApi(port, PASSWORD);

        var announced = api.post("/api/self-healing/maintenance", "{\"minutes\": 5, \"reason\": \"new disk\"}");
        assertThat(announced.statusCode()).isEqualTo(200);
        assertThat(HttpApi.json(api.get("/api/self-healing/status")).get("maintenance").get("reason").asString())
                .isEqualTo("new disk");
        assertThat(HttpApi.json(api.get("/api/services")).get("maintenance").get("active").asBoolean()).isTrue();

        docker("stop", service).orFail();
        staysQuiet(service);
        docker("start", service).orFail();
        staysQuiet(service);

        assertThat(api.delete("/api/self-healing/maintenance").statusCode()).isEqualTo(200);
        assertThat(HttpApi.json(api.get("/api/self-healing/status")).get("maintenance").get("active").asBoolean())
                .isFalse();
        assertThat(api.post("/api/self-healing/maintenance", "{\"minutes\": 0, \"reason\": \"x\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(9)
    void aMaintenanceThatEndsLeavesAServiceStoppedByAnAdministratorAlone() {
        String service = PREFIX + "left-stopped";
        run(service, POLITE);
        HttpApi api = new HttpApi(port, PASSWORD);
        api.post("/api/self-healing/maintenance", "{\"minutes\": 5, \"reason\": \"swap the fan\"}");

        docker("stop", service).orFail();
        await().atMost(Duration.ofSeconds(10)).until(() -> interventions.stoppedByAdministrator(service).isPresent());
        api.delete("/api/self-healing/maintenance");

        staysQuiet(service);
        assertThat(running(service)).isFalse();
    }

    @Test
    @Order(20)
    void aContainerKilledWithinThreeSecondsOfItsCreationIsRestartedFromItsDieEvent() {
        String service = PREFIX + "newborn";
        docker("rm", "-f", service);
        // docker run -d answers once the container has started: kill it at once
        docker("run", "-d", "--name", service, "--label", ServiceLabels.SERVICE + "=" + service, SLEEPER).orFail();
        Instant start = startedAt(service);
        Instant killed = killMainProcess(service);

        // on a busy machine creating and starting alone may take seconds; the kill follows the start at once
        assertThat(Duration.between(start, killed)).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(15)).until(() -> running(service) && startedAt(service).isAfter(start));
        healedFromItsDieEvent(service, killed);
    }

    @Test
    @Order(21)
    void aCrashRightAfterACategoryCStepIsRestartedFromItsDieEvent() {
        // three crashes in ten minutes are critical: category C restarts every service in order
        for (int i = 1; i <= 3; i++) {
            String s = PREFIX + "c-" + i;
            run(s, SLEEPER);
            killMainProcess(s);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hostActions() >= 1);

        String service = PREFIX + "after-c";
        run(service, SLEEPER);
        Instant start = startedAt(service);
        Instant killed = killMainProcess(service);

        await().atMost(Duration.ofSeconds(15)).until(() -> running(service) && startedAt(service).isAfter(start));
        healedFromItsDieEvent(service, killed);
    }

    /** The failure came of the {@code die} event (a poll finding it down records found_down), and the restart followed at once. */
    private void healedFromItsDieEvent(String service, Instant killed) {
        await().atMost(Duration.ofSeconds(10)).until(() -> actions(service) == 1);
        assertThat(jdbc.queryForObject("SELECT failure_type FROM service_failures WHERE service = ? ORDER BY id LIMIT 1",
                String.class, service)).isEqualTo("died");
        Timestamp decided = jdbc.queryForObject("SELECT occurred_at FROM recovery_actions WHERE service = ?"
                + " AND mode = 'act' ORDER BY id LIMIT 1", Timestamp.class, service);
        // well inside one poll interval (3 s): the die event, not the poll, called the restart
        assertThat(Duration.between(killed, decided.toInstant())).isLessThan(Duration.ofMillis(2500));
    }

    private void staysQuiet(String service) {
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> actions(service) == 0 && failures(service) == 0);
    }

    private static String run(String service, String image) {
        docker("rm", "-f", service);
        String id = docker("run", "-d", "--name", service, "--label", ServiceLabels.SERVICE + "=" + service,
                "--label", "arasul.test=hl8", image).orFail().out().strip();
        await().atMost(Duration.ofSeconds(10)).until(() -> running(service));
        return id;
    }

    private int actions(String service) {
        return jdbc.queryForObject("SELECT count(*) FROM recovery_actions WHERE service = ? AND mode = 'act'",
                Integer.class, service);
    }

    private int failures(String service) {
        return jdbc.queryForObject("SELECT count(*) FROM service_failures WHERE service = ?", Integer.class, service);
    }

    private int hostActions() {
        return jdbc.queryForObject("SELECT count(*) FROM recovery_actions WHERE action_type = 'RESTART_APP_SERVICES'"
                + " AND mode = 'act'", Integer.class);
    }

    private int events(String service, String type) {
        return service == null
                ? jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE event_type = ?", Integer.class, type)
                : jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE service = ? AND event_type = ?",
                        Integer.class, service, type);
    }
}

package com.arasul.healing;

import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.containers.UnixSocketProxy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * "dockerd restarted", without restarting the engine everybody on this machine shares: the
 * appliance talks to Docker through a proxy that the test cuts and restores.
 */
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.engine.scope=hea-d-.*",
        "arasul.healing.engine.prune-labels=arasul.test=hea", "arasul.docker.poll-interval=2s",
        "arasul.docker.reconnect-initial=200ms", "arasul.docker.reconnect-max=2s"})
class DockerOutageHealingTests {

    private static final UnixSocketProxy PROXY = UnixSocketProxy.toLocalDocker("hea-proxy-");

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void dockerThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("arasul.docker.host", PROXY::dockerHost);
    }

    @BeforeAll
    static void images() {
        HealingTestContainers.images();
    }

    @AfterAll
    static void cleanUp() {
        PROXY.close();
        removeAll();
    }

    @Test
    void reportsDockerDownInsteadOfBlamingServicesAndHealsWhatDiedOnceItIsBack() {
        String service = "hea-d-survivor";
        String id = runManaged(service, SLEEPER);
        await().atMost(Duration.ofSeconds(10)).until(() -> running(id));
        Instant firstStart = startedAt(id);

        PROXY.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> count("docker_down") == 1);
        killMainProcess(id);
        // nobody hears of it while the engine is away
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !running(id));

        PROXY.restore();

        await().atMost(Duration.ofSeconds(15)).until(() -> count("docker_up") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> running(id) && startedAt(id).isAfter(firstStart));
        assertThat(actions(jdbc, service, "RESTART_SERVICE", "act")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE event_type = 'notification'"
                + " AND rule_name LIKE 'A0%'", Integer.class)).isEqualTo(1);
    }

    private int count(String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE event_type = ?", Integer.class,
                eventType);
    }
}

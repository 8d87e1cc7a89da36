package com.arasul.healing;

import static com.arasul.healing.HealingTestContainers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ai.AiServiceHealth;
import com.arasul.containers.DockerCli;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bridge from the AI probes to the healing engine: a language model that stops answering is a
 * failed health check of its container (category A, a restart), while a probe of a service with no
 * managed container (a development box without an LLM) counts for nothing.
 */
@ObservingAppliance
class AiProbeHealingTests {

    private static final String LLM = "hea-a-ai-llm";
    private static final String NO_CONTAINER = "hea-a-ai-nowhere";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @BeforeAll
    static void image() {
        // the base image, not a hea- one: a healing test class elsewhere removes every hea- image it finds
        TestImages.ensureBase();
    }

    @AfterAll
    static void cleanUp() {
        DockerCli.docker("rm", "-f", LLM);
    }

    @Test
    void languageModelThatStopsAnsweringIsAFailedHealthCheckOfItsContainer() {
        DockerCli.docker("rm", "-f", LLM);
        String id = DockerCli.docker("run", "-d", "--name", LLM, "--label", ServiceLabels.SERVICE + "=" + LLM,
                TestImages.BASE, "sleep", "3600").orFail().out().strip();
        await().atMost(Duration.ofSeconds(10)).until(() -> running(id));

        // published again until the engine's state poll has seen the container
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            publisher.publishEvent(unhealthy(LLM));
            return events(jdbc, LLM, "action_observed") > 0;
        });

        assertThat(jdbc.queryForList("SELECT description FROM self_healing_events WHERE service = ?"
                + " AND event_type = 'action_observed'", String.class, LLM))
                .anySatisfy(description -> assertThat(description).contains("health check failed"));
        assertThat(jdbc.queryForMap("SELECT action_type, category FROM recovery_actions WHERE service = ?"
                + " ORDER BY occurred_at, id LIMIT 1", LLM))
                .containsEntry("action_type", "RESTART_SERVICE").containsEntry("category", "A");
    }

    @Test
    void probeOfAServiceWithoutAManagedContainerCountsForNothing() {
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    publisher.publishEvent(unhealthy(NO_CONTAINER));
                    return events(jdbc, NO_CONTAINER, "action_observed") == 0;
                });
    }

    private static AiServiceHealth unhealthy(String service) {
        return new AiServiceHealth(service, false, "the language model is not running (nothing answers at "
                + "http://127.0.0.1:11434)", null, Instant.now());
    }
}

package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.SystemCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/critical-conditions.drl: what is category C. */
class CriticalConditionsRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void escalatesTheThirdFailureOfAServiceInTenMinutesToC() {
        rules.died("n8n").advance(Duration.ofMinutes(2)).died("n8n").advance(Duration.ofMinutes(2)).died("n8n");

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(
                ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE, ActionType.RESTART_APP_SERVICES);
        assertThat(rules.requests().getLast().reason()).contains("n8n failed 3 times in 10 minutes");
    }

    @Test
    void escalatesThreeFailuresOfDifferentServicesInTenMinutesToC() {
        rules.died("n8n").advance(Duration.ofMinutes(1)).died("minio").advance(Duration.ofMinutes(1)).died("llm-service");

        assertThat(rules.requests(ActionType.RESTART_APP_SERVICES)).hasSize(1);
    }

    @Test
    void doesNotEscalateThreeFailuresSpreadOverMoreThanTenMinutes() {
        rules.died("n8n").advance(Duration.ofMinutes(5).plusSeconds(30)).died("n8n")
                .advance(Duration.ofMinutes(5).plusSeconds(30)).died("n8n");

        assertThat(rules.requests(ActionType.RESTART_APP_SERVICES)).isEmpty();
    }

    @Test
    void treatsAnUnreachableDatabaseAndDownObjectStorageAsCritical() {
        rules.insert(new SystemCondition(SystemCondition.DATABASE_UNREACHABLE, "connection refused"));

        assertThat(rules.requests()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(ActionType.RESTART_APP_SERVICES);
            assertThat(r.reason()).contains("database cannot be reached");
        });
        try (ShippedHealingRules other = new ShippedHealingRules()) {
            other.insert(new SystemCondition(SystemCondition.OBJECT_STORAGE_DOWN, "503"));
            assertThat(other.requests(ActionType.RESTART_APP_SERVICES)).hasSize(1);
        }
    }

    @Test
    void treatsTelemetrySilentForSixtySecondsAsCritical() {
        rules.samplesEverySecond(Duration.ofSeconds(5), rules::healthySample);
        rules.advance(Duration.ofSeconds(50));
        assertThat(rules.requests()).isEmpty();

        rules.advance(Duration.ofSeconds(15));

        assertThat(rules.requests()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("No metric sample has arrived for 60 seconds"));
        assertThat(rules.count("CriticalCondition")).as("considered once, then forgotten").isZero();
    }

    @Test
    void climbsTheCriticalStepsWhileTelemetryStaysSilent() {
        rules.samplesEverySecond(Duration.ofSeconds(5), rules::healthySample);

        rules.advance(Duration.ofMinutes(10));

        assertThat(rules.requests()).extracting(ActionRequest::type).containsSubsequence(
                ActionType.RESTART_APP_SERVICES, ActionType.DISK_CLEANUP, ActionType.DB_VACUUM_ANALYZE,
                ActionType.GPU_RESET);
    }

    @Test
    void stopsEscalatingOnceSamplesArriveAgain() {
        rules.samplesEverySecond(Duration.ofSeconds(5), rules::healthySample);
        rules.advance(Duration.ofSeconds(65));
        assertThat(rules.requests(ActionType.RESTART_APP_SERVICES)).hasSize(1);

        rules.samplesEverySecond(Duration.ofMinutes(10), rules::healthySample);

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(ActionType.RESTART_APP_SERVICES);
    }
}

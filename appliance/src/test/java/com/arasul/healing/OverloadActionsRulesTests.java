package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rules/healing/overload-actions.drl: category B, one action per overload. */
class OverloadActionsRulesTests {

    private final ShippedHealingRules rules = new ShippedHealingRules();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void clearsTheLlmCacheWhenTheCpuIsAbove90() {
        rules.sample(90.0, null, null, null, null, null);
        assertThat(rules.requests()).isEmpty();

        rules.sample(91.0, null, null, null, null, null);

        assertThat(rules.requests()).extracting(ActionRequest::type, ActionRequest::service, ActionRequest::category)
                .containsExactly(tuple(ActionType.LLM_CACHE_CLEAR, "llm-service", Category.B));
    }

    @Test
    void restartsTheWorkflowEngineWhenMemoryIsAbove90() {
        rules.sample(null, 93.0, null, null, null, null);

        assertThat(rules.requests()).extracting(ActionRequest::type, ActionRequest::service)
                .containsExactly(tuple(ActionType.RESTART_SERVICE, "n8n"));
    }

    @Test
    void resetsTheLlmSessionWhenTheGpuIsAbove95() {
        rules.sample(null, null, 96.0, null, null, null);

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(ActionType.LLM_SESSION_RESET);
    }

    @Test
    void warnsClearsAndResetsAsGpuMemoryFillsUp() {
        rules.sample(null, null, null, 57.0, null, null)   // 36.5 of 64 GB
                .sample(null, null, null, 60.0, null, null) // 38.4 GB
                .sample(null, null, null, 63.0, null, null); // 40.3 GB

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(
                ActionType.NOTIFY, ActionType.LLM_CACHE_CLEAR, ActionType.LLM_SESSION_RESET);
    }

    @Test
    void throttlesRestartsAndStopsTheLlmAsTheBoxHeatsUp() {
        rules.sample(null, null, null, null, 83.0, null);
        assertThat(rules.requests()).isEmpty();

        rules.sample(null, null, null, null, 84.0, null)
                .sample(null, null, null, null, 86.0, null)
                .sample(null, null, null, null, 91.0, null);

        assertThat(rules.requests()).extracting(ActionRequest::type, ActionRequest::service).containsExactly(
                tuple(ActionType.GPU_THROTTLE, null), tuple(ActionType.RESTART_SERVICE, "llm-service"),
                tuple(ActionType.STOP_SERVICE, "llm-service"));
    }

    @Test
    void warnsCleansAndReportsAsTheDiskFillsUp() {
        rules.sample(null, null, null, null, null, 81.0)
                .sample(null, null, null, null, null, 91.0)
                .sample(null, null, null, null, null, 96.0);

        assertThat(rules.requests()).extracting(ActionRequest::type).containsExactly(
                ActionType.NOTIFY, ActionType.DISK_CLEANUP, ActionType.DISK_CLEANUP, ActionType.NOTIFY);
        assertThat(rules.requests().getLast().reason()).contains("critical");
    }

    @Test
    void appliesThresholdsGivenByConfiguration() {
        HealingThresholds strict = new HealingThresholds(50, 90, 95, 99, 56.25, 59.375, 62.5, 83, 85, 90, 80, 90,
                95, 97, 3, 3, "ollama", "n8n");
        try (ShippedHealingRules custom = new ShippedHealingRules(strict)) {
            custom.sample(60.0, null, null, null, null, null);

            assertThat(custom.requests()).extracting(ActionRequest::service).containsExactly("ollama");
        }
    }
}

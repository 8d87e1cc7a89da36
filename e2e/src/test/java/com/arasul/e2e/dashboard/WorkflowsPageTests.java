package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Workflows card of the overview and the Workflows page in a real browser: runs reported through
 * the push door show up as today's figures, the last failure in words, the per-workflow statistics
 * and the latest runs, in English and German.
 */
@DashboardTest
class WorkflowsPageTests {

    @Test
    void showsTodaysRunsTheLastFailureAndPerWorkflowStatistics(DashboardAppliance appliance) throws Exception {
        String token = appliance.token();
        appliance.call("POST", "/api/workflows/execution", Map.of("workflow_name", "Invoice import",
                "status", "success", "duration_ms", 1200, "execution_id", "e2e-wf-1"), token);
        appliance.call("POST", "/api/workflows/execution", Map.of("workflow_name", "Invoice import",
                "status", "error", "duration_ms", 800, "execution_id", "e2e-wf-2",
                "error", "the mailbox did not answer"), token);

        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.awaitText(By.cssSelector("[data-test=workflows-today]"), "2 runs, 1 failed", Duration.ofSeconds(30));
        assertThat(browser.find(By.cssSelector("[data-test=workflows-last-failure]")).getText())
                .contains("Invoice import").contains("the mailbox did not answer");
        browser.screenshot("overview-workflows-en");

        browser.find(By.cssSelector("header nav a[href='/workflows']")).click();
        browser.awaitText(By.cssSelector("main h1"), "Workflows", Duration.ofSeconds(20));
        String stats = browser.await(By.cssSelector("[data-test=workflow-stats]"), Duration.ofSeconds(20)).getText();
        assertThat(stats).contains("Invoice import").contains("50%");
        assertThat(browser.find(By.cssSelector("[data-test=workflow-runs]")).getText())
                .contains("the mailbox did not answer").contains("failed").contains("succeeded");
        assertThat(browser.find(By.cssSelector("[data-test=workflows-engine]")).getText()).contains("not connected");
        browser.screenshot("workflows-en");

        browser.language("de");
        browser.awaitText(By.cssSelector("[data-test=workflow-runs]"), "fehlgeschlagen", Duration.ofSeconds(20));
        browser.screenshot("workflows-de");
        assertThat(browser.console()).noneMatch(m -> m.contains("Content Security Policy"));
    }
}

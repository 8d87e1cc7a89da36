package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The AI page and the API keys under Account in a real browser, against the packaged appliance with no
 * language model running (none is on a build machine): the page says so in a sentence, names the
 * in-process embedding provider, and the try-it box answers with the reason; a new API key is shown
 * once with a copy button and then listed by its prefix only.
 */
@DashboardTest
class AiPageTests {

    @Test
    void aiPageShowsTheServicesAndWhyTheModelCannotAnswer(Browser browser) {
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/ai");
        browser.awaitText(By.cssSelector("main h1"), "AI", Duration.ofSeconds(20));

        browser.awaitText(By.cssSelector("[data-test=ai-llm]"), "not running", Duration.ofSeconds(20));
        assertThat(browser.find(By.cssSelector("[data-test=ai-embeddings]")).getText()).contains("local");
        browser.find(By.cssSelector("[data-test=try-prompt]")).sendKeys("Hello?");
        browser.find(By.cssSelector("[data-test=try-send]")).click();
        browser.awaitText(By.cssSelector("main [role=alert]"), "the language model is not running", Duration.ofSeconds(20));
        browser.screenshot("ai-en");
        browser.language("de");
        browser.awaitText(By.cssSelector("main h1"), "KI", Duration.ofSeconds(10));
        browser.screenshot("ai-de");
    }

    @Test
    void newApiKeyIsShownOnceWithACopyButtonThenListedByPrefix(Browser browser) {
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/account");
        browser.await(By.cssSelector("[data-test=key-name]"), Duration.ofSeconds(20)).sendKeys("n8n");
        browser.find(By.cssSelector("[data-test=key-create]")).click();

        WebElement key = browser.await(By.cssSelector("[data-test=key-value]"), Duration.ofSeconds(20));
        String value = key.getText();
        assertThat(value).startsWith("ara_").hasSize(47);
        assertThat(browser.find(By.cssSelector("[data-test=key-created]")).getText()).contains("Copy");
        WebElement listed = browser.awaitText(By.cssSelector("[data-test=api-keys]"), value.substring(0, 12),
                Duration.ofSeconds(20));
        assertThat(listed.getText()).contains("n8n").doesNotContain(value);
        browser.screenshot("account-api-keys-en");
    }
}

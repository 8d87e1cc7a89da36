package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ai.StandInOllama;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The AI page in a real browser with a language model running: the appliance talks to the Ollama stand-in
 * (its documented answers, the models of its "List Local Models" example kept on disk), so the page lists
 * models with sizes and the default badge, makes another model the default, deletes only after asking (and
 * says so for the default model), shows a pull's progress advancing to done and lists the pulled model (or the
 * reason a pull failed), and the try-it box shows the answer word by word as it streams.
 */
@DashboardTest(ollama = true)
class AiModelsPageTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final By MODELS = By.cssSelector("[data-test=ai-models]");

    private final StandInOllama ollama;
    private final DashboardAppliance appliance;

    AiModelsPageTests(StandInOllama ollama, DashboardAppliance appliance) {
        this.ollama = ollama;
        this.appliance = appliance;
    }

    @BeforeEach
    void bothExampleModelsOnDiskNoneInMemory() {
        ollama.reset();
        ollama.keepModels("tags.json", Duration.ofMillis(400), "codellama:13b", "llama3:latest")
                .answer("GET", "/api/ps", 200, "ps-empty.json")
                .answer("GET", "/api/version", 200, "version.json");
    }

    @Test
    void modelsAreListedWithSizesAndTheDefaultBadgeMovesToTheModelMadeDefault(Browser browser) throws Exception {
        appliance.call("PUT", "/api/services/llm/default-model", Map.of("model", "codellama:13b"), appliance.token());
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/ai");

        browser.awaitText(By.cssSelector("[data-test=ai-llm]"), "Ollama 0.12.6", WAIT);
        assertThat(row(browser, "codellama:13b").getText()).contains("6.9 GB", "llama · 13B · Q4_0");
        assertThat(row(browser, "codellama:13b").findElement(By.cssSelector("[data-test=default-badge]")).getText()).isEqualTo("default");
        assertThat(row(browser, "llama3:latest").getText()).contains("3.6 GB", "llama · 7B · Q4_0");
        assertThat(row(browser, "llama3:latest").findElements(By.cssSelector("[data-test=default-badge]"))).isEmpty();

        row(browser, "llama3:latest").findElement(By.cssSelector("[data-test=model-make-default]")).click();
        await().atMost(WAIT).until(() -> !row(browser, "llama3:latest").findElements(By.cssSelector("[data-test=default-badge]")).isEmpty());
        assertThat(row(browser, "codellama:13b").findElements(By.cssSelector("[data-test=default-badge]"))).isEmpty();
        assertThat(appliance.call("GET", "/api/services/llm/default-model", null, appliance.token()).get("model").asString())
                .isEqualTo("llama3:latest");
        browser.screenshot("ai-models-en");

        browser.language("de");
        browser.awaitText(By.cssSelector("main h1"), "KI", WAIT);
        assertThat(row(browser, "codellama:13b").getText()).contains("6,9 GB");
        assertThat(row(browser, "llama3:latest").getText()).contains("Standard");
        browser.screenshot("ai-models-de");
    }

    @Test
    void deleteAsksFirstCancellingKeepsTheModelConfirmingRemovesItAndTheDefaultModelIsNamedAsSuch(Browser browser)
            throws Exception {
        appliance.call("PUT", "/api/services/llm/default-model", Map.of("model", "llama3:latest"), appliance.token());
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/ai");
        browser.await(MODELS, WAIT);

        row(browser, "codellama:13b").findElement(By.cssSelector("[data-test=model-delete]")).click();
        assertThat(row(browser, "codellama:13b").findElement(By.cssSelector("[data-test=model-delete-question]")).getText())
                .contains("Delete the model codellama:13b from the box?");
        row(browser, "codellama:13b").findElement(By.cssSelector("[data-test=model-delete-cancel]")).click();
        assertThat(row(browser, "codellama:13b").findElements(By.cssSelector("[data-test=model-delete-question]"))).isEmpty();
        assertThat(ollama.requests("DELETE", "/api/delete")).isEmpty();
        assertThat(ollama.modelsOnDisk()).contains("codellama:13b");

        row(browser, "codellama:13b").findElement(By.cssSelector("[data-test=model-delete]")).click();
        row(browser, "codellama:13b").findElement(By.cssSelector("[data-test=model-delete-confirm]")).click();
        await().atMost(WAIT).until(() -> browser.find(MODELS).findElements(By.cssSelector("tr[data-model='codellama:13b']")).isEmpty());
        assertThat(ollama.modelsOnDisk()).containsExactly("llama3:latest");

        row(browser, "llama3:latest").findElement(By.cssSelector("[data-test=model-delete]")).click();
        assertThat(row(browser, "llama3:latest").findElement(By.cssSelector("[data-test=model-delete-question]")).getText())
                .contains("llama3:latest is the default model. Delete it anyway?");
        browser.screenshot("ai-delete-default-en");
        row(browser, "llama3:latest").findElement(By.cssSelector("[data-test=model-delete-confirm]")).click();
        browser.awaitText(By.cssSelector("main"), "No model is on the box yet", WAIT);
        assertThat(ollama.modelsOnDisk()).isEmpty();
        assertThat(ollama.requests("DELETE", "/api/delete")).extracting(StandInOllama.Request::body)
                .containsExactly("{\"model\":\"codellama:13b\"}", "{\"model\":\"llama3:latest\"}");
    }

    @Test
    void pullShowsItsProgressAdvancingToDoneThenThePulledModelIsListed(Browser browser) {
        ollama.keepModels("tags.json", Duration.ofMillis(400), "llama3:latest");
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/ai");
        browser.await(MODELS, WAIT);
        assertThat(browser.find(MODELS).getText()).doesNotContain("codellama:13b");

        browser.find(By.cssSelector("[data-test=pull-name]")).sendKeys("codellama:13b");
        browser.find(By.cssSelector("[data-test=pull-start]")).click();
        List<Double> seen = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean midway = new AtomicBoolean();
        By progress = By.cssSelector("[data-test=pull-progress]");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            String value = browser.find(progress).findElement(By.tagName("progress")).getDomProperty("value");
            double percent = value == null ? 0 : Double.parseDouble(value);
            if (seen.isEmpty() || seen.getLast() != percent) {
                seen.add(percent);
                lines.add(browser.find(progress).getText());
                if (percent > 0 && percent < 100 && midway.compareAndSet(false, true)) {
                    browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find(progress));
                    browser.screenshot("ai-pull-en");
                }
            }
            return percent == 100.0 && browser.find(progress).getText().contains("success");
        });
        assertThat(seen).as("the bar's values as the browser showed them").isSorted()
                .filteredOn(p -> p > 0 && p < 100).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines).as("the bytes as the download went on").anySatisfy(line -> assertThat(line)
                .startsWith("codellama:13b: pulling 9f438cb9cd58").containsPattern("\\d+(\\.\\d)? GB / 6.9 GB"));
        assertThat(browser.find(progress).getText()).as("a finished pull still says how much it downloaded")
                .startsWith("codellama:13b: success · 100").endsWith("6.9 GB / 6.9 GB");

        assertThat(row(browser, "codellama:13b").getText()).contains("6.9 GB");
        assertThat(ollama.requests("POST", "/api/pull")).extracting(StandInOllama.Request::body)
                .singleElement().asString().contains("\"model\":\"codellama:13b\"");
    }

    @Test
    void pullOfAModelTheRegistryLacksEndsWithTheReasonInASentence(Browser browser) {
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/ai");
        browser.await(MODELS, WAIT);

        browser.find(By.cssSelector("[data-test=pull-name]")).sendKeys("no-such-model");
        browser.find(By.cssSelector("[data-test=pull-start]")).click();
        browser.awaitText(By.cssSelector("[data-test=pull-progress] [role=alert]"),
                "the model registry has no such model (pull model manifest: file does not exist)", WAIT);
        assertThat(browser.find(By.cssSelector("[data-test=pull-start]")).isEnabled()).as("another pull may start").isTrue();
        assertThat(browser.find(MODELS).findElements(By.cssSelector("tr[data-model]"))).hasSize(2);
        assertThat(ollama.modelsOnDisk()).containsExactly("codellama:13b", "llama3:latest");
    }

    @Test
    void tryItShowsTheAnswerWordByWordAsItStreamsThenComplete(Browser browser) {
        ollama.stream("POST", "/api/chat", StandInOllama.Script.of(StandInOllama.chatChunks("llama3:latest",
                "The", " sky", " is", " blue", " because", " of", " Rayleigh", " scattering.")).paced(Duration.ofMillis(300)));
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/ai");
        browser.await(MODELS, WAIT);

        browser.find(By.cssSelector("[data-test=try-prompt]")).sendKeys("Why is the sky blue?");
        browser.find(By.cssSelector("[data-test=try-send]")).click();
        String complete = "The sky is blue because of Rayleigh scattering.";
        List<String> seen = new CopyOnWriteArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            String text = browser.find(By.cssSelector("[data-test=try-answer]")).getText();
            if (!text.isEmpty() && (seen.isEmpty() || !seen.getLast().equals(text))) {
                seen.add(text);
            }
            return text.equals(complete);
        });
        assertThat(seen).as("the answer as the browser showed it").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(text -> assertThat(complete).startsWith(text));
        assertThat(seen.getFirst()).isNotEqualTo(complete);
        await().atMost(WAIT).until(() -> browser.find(By.cssSelector("[data-test=try-send]")).isEnabled());
        assertThat(browser.all(By.cssSelector("main [role=alert]"))).isEmpty();
        assertThat(ollama.requests("POST", "/api/chat")).singleElement().extracting(StandInOllama.Request::body)
                .asString().contains("Why is the sky blue?");
        browser.screenshot("ai-try-it-en");
    }

    private static WebElement row(Browser browser, String model) {
        return browser.await(By.cssSelector("[data-test=ai-models] tr[data-model='" + model + "']"), WAIT);
    }
}

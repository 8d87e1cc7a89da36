package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's pages in a real browser against the packaged appliance: live values, a service
 * restarted from its tile, a broken rule refused at its line, the phone layout, both languages, how the
 * files are served, and the live channel coming back after the appliance restarts (last: it restarts).
 */
@DashboardTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPagesTests {

    private static final Map<String, String> HEADINGS_EN = Map.of("/history", "History", "/healing", "Self-healing",
            "/updates", "Updates", "/logs", "Logs", "/rules", "Rules", "/account", "Account");
    private static final Map<String, String> HEADINGS_DE = Map.of("/history", "Verlauf", "/healing", "Selbstheilung",
            "/updates", "Updates", "/logs", "Protokolle", "/rules", "Regeln", "/account", "Konto");

    @Test
    @Order(1)
    void liveValuesChangeWithoutAReload(Browser browser) {
        browser.loggedIn(DashboardAppliance.PASSWORD);
        WebElement sampled = browser.await(By.cssSelector("[data-test=sampled-at]"), Duration.ofSeconds(30));
        String first = sampled.getText();
        browser.script("window.__sameDocument = true");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(browser.find(By.cssSelector("[data-test=sampled-at]")).getText()).isNotEqualTo(first));
        assertThat(browser.script("return window.__sameDocument")).as("no reload happened").isEqualTo(true);
        assertThat(browser.find(By.cssSelector("main")).getAttribute("data-connection")).isEqualTo("live");
        assertThat(browser.find(By.cssSelector("[data-metric=cpu] [data-test=tile-value]")).getText()).endsWith("%");
    }

    @Test
    @Order(2)
    void theOverviewFitsAPhoneWithNothingCutOff(DashboardAppliance appliance) {
        Browser phone = appliance.phone("en", 390, 844);
        phone.loggedIn(DashboardAppliance.PASSWORD);
        phone.await(By.cssSelector("[data-test=sampled-at]"), Duration.ofSeconds(30));
        phone.await(By.cssSelector("[data-test=state] h2"));

        assertThat(phone.script("return window.innerWidth")).isEqualTo(390L);
        assertThat(phone.overflowsHorizontally()).as("the page scrolls sideways at 390 px").isFalse();
        Object cutOff = phone.script("""
                return [...document.querySelectorAll('main *, header *')]
                  .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 0.5)
                  .map(e => e.tagName + '.' + e.className).slice(0, 5)""");
        assertThat((List<?>) cutOff).as("elements reaching past the right edge").isEmpty();
        phone.screenshot("overview-phone-en");
    }

    @Test
    @Order(3)
    void aManagedContainerIsRestartedFromItsTile(DashboardAppliance appliance) throws Exception {
        String name = "ui-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        docker("run", "-d", "--name", name, "--label", "arasul.service=" + name, "arasul-test/busybox:base", "sleep", "3600");
        try {
            String startedBefore = docker("inspect", "-f", "{{.State.StartedAt}}", name);
            Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
            By tile = By.cssSelector("[data-service='" + name + "']");
            WebElement found = browser.await(tile, Duration.ofSeconds(60));
            assertThat(found.findElement(By.cssSelector("[data-test=service-state]")).getText()).startsWith("Running");

            found.findElement(By.cssSelector("[data-test=restart]")).click();
            browser.await(By.cssSelector("[data-service='" + name + "'] [data-test=restart-confirm]")).click();

            assertThat(browser.awaitText(By.cssSelector("[data-service='" + name + "'] [data-test=restart-outcome]"),
                    "Restarted", Duration.ofSeconds(60)).getText()).isEqualTo("Restarted.");
            assertThat(docker("inspect", "-f", "{{.State.StartedAt}}", name)).isNotEqualTo(startedBefore);
            browser.screenshot("overview-en");
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    @Order(4)
    void aRuleSavedWithAnErrorShowsItAtItsLineAndTheOldRulesKeepRunning(DashboardAppliance appliance) throws Exception {
        String token = appliance.token();
        JsonNode set = firstRuleSetWithFiles(appliance.call("GET", "/api/rules", null, token));
        String setName = set.get("name").asString();
        String file = set.get("files").get(0).get("name").asString();
        long versionBefore = set.get("activeVersion").asLong();
        String original = text(appliance, "/api/rules/" + setName + "/" + file, token);
        // the editor counts the empty line after a final newline as a line of its own; the broken rule goes two below the last
        int brokenLine = original.split("\n", -1).length + 2;

        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.go("/rules/" + setName + "/" + file);
        By editor = By.cssSelector("[data-test=rule-editor]");
        WebElement content = browser.inShadow(editor, By.cssSelector(".cm-content"), Duration.ofSeconds(30));
        assertThat(browser.inShadow(editor, By.cssSelector(".cm-editor"), Duration.ofSeconds(5)).getCssValue("display"))
                .as("CodeMirror's own styles apply under the CSP").isEqualTo("flex");
        content.click();
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.ENTER, "rule \"ui-broken\" when Nonsense( x == ) then end");
        browser.find(By.cssSelector("[data-test=rule-save]")).click();

        assertThat(browser.awaitText(By.cssSelector("[data-test=rule-outcome]"), "Not saved", Duration.ofSeconds(60)).getText())
                .contains("The last good rules keep running");
        String messages = browser.await(By.cssSelector("[data-test=rule-messages]")).getText();
        assertThat(messages).contains("Line " + brokenLine).contains("ERROR");
        assertThat(browser.inShadow(editor, By.cssSelector(".cm-lint-marker-error"), Duration.ofSeconds(5)).isDisplayed()).isTrue();
        assertThat(browser.console()).as("nothing refused by the CSP").noneMatch(m -> m.contains("Content Security Policy"));
        browser.screenshot("rules-error-en");

        assertThat(text(appliance, "/api/rules/" + setName + "/" + file, token)).isEqualTo(original);
        JsonNode after = firstRuleSetWithFiles(appliance.call("GET", "/api/rules", null, token));
        assertThat(after.get("activeVersion").asLong()).isEqualTo(versionBefore);
    }

    /**
     * A rule that modifies what it matches for ever passes the compiler and runs away at its first
     * cycle: the appliance deactivates it, and the Rules page and the overview say so until it is fixed.
     */
    @Test
    @Order(5)
    void rulesDeactivatedWhileFiringAreNamedOnTheRulesPageAndTheOverviewUntilFixed(DashboardAppliance appliance)
            throws Exception {
        String token = appliance.token();
        String file = "e2e-runaway.drl";
        appliance.call("PUT", "/api/rules/healing/" + file, RUNAWAY, token);
        await().atMost(Duration.ofSeconds(60)).until(() -> setAside(appliance, token) > 0);

        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.go("/rules");
        String note = browser.awaitText(By.cssSelector("[data-test=rules-set-aside]"), "healing/" + file,
                Duration.ofSeconds(30)).getText();
        assertThat(note).startsWith("Set aside since ").contains("rule \"e2e: count for ever\" fired")
                .contains("The last good healing rules run meanwhile. Correct or delete the named files");
        browser.screenshot("rules-set-aside-en");
        browser.go("/");
        assertThat(browser.awaitText(By.cssSelector("[data-test=state]"), "set aside", Duration.ofSeconds(30)).getText())
                .contains("The last good healing rules run instead; correct or delete the files on the Rules page.");

        appliance.call("PUT", "/api/rules/healing/" + file, "package healing;\n", token);
        assertThat(setAside(appliance, token)).as("a folder that compiles again runs its own rules").isZero();
        browser.go("/rules");
        browser.await(By.cssSelector(".rule-files h2"));
        assertThat(browser.all(By.cssSelector("[data-test=rules-set-aside]"))).isEmpty();
    }

    private static final String RUNAWAY = """
            package healing;

            declare E2eCounter
                n : int
            end

            rule "e2e: start counting"
            when
                not E2eCounter()
            then
                insert( new E2eCounter( 0 ) );
            end

            rule "e2e: count for ever"
            when
                $c : E2eCounter( n >= 0 )
            then
                modify( $c ) { setN( $c.getN() + 1 ) }
            end
            """;

    private static long setAside(DashboardAppliance appliance, String token) throws IOException, InterruptedException {
        return appliance.call("GET", "/api/rules", null, token).get("ruleSets").valueStream()
                .filter(s -> s.get("name").asString().equals("healing"))
                .mapToLong(s -> s.get("setAside").size()).sum();
    }

    @Test
    @Order(6)
    void everyPageShowsInEnglishAndGermanWithScreenshots(DashboardAppliance appliance) {
        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.await(By.cssSelector("[data-test=sampled-at]"), Duration.ofSeconds(30));
        browser.screenshot("overview-en");
        for (var page : HEADINGS_EN.entrySet()) {
            browser.find(By.cssSelector("header nav a[href='" + page.getKey() + "']")).click();
            browser.awaitText(By.cssSelector("main h1"), page.getValue(), Duration.ofSeconds(20));
            browser.screenshot(page.getKey().substring(1) + "-en");
        }
        browser.language("de");
        assertThat(browser.find(By.cssSelector("header nav a[href='/']")).getText()).isEqualTo("Übersicht");
        for (var page : HEADINGS_DE.entrySet()) {
            browser.find(By.cssSelector("header nav a[href='" + page.getKey() + "']")).click();
            browser.awaitText(By.cssSelector("main h1"), page.getValue(), Duration.ofSeconds(20));
            browser.screenshot(page.getKey().substring(1) + "-de");
        }
        browser.go("/");
        browser.await(By.cssSelector("[data-test=sampled-at]"), Duration.ofSeconds(30));
        assertThat(browser.find(By.cssSelector("[data-test=sampled-at]")).getText()).startsWith("Gemessen");
        browser.screenshot("overview-de");
        assertThat(browser.script("return localStorage.getItem('arasul.language')")).as("the choice is remembered").isEqualTo("de");
        assertThat(browser.console()).as("nothing refused by the CSP on any page").noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    @Order(7)
    void assetsAreCachedForeverTheIndexNeverAndBothTravelCompressed(DashboardAppliance appliance) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> index = http.send(HttpRequest.newBuilder(appliance.process().uri("/updates"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
            assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("default-src 'self'").doesNotContain("unsafe-inline"));

            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(appliance.process().uri("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String script = plain.body().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
            HttpResponse<byte[]> asset = http.send(HttpRequest.newBuilder(appliance.process().uri(script))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(v ->
                    assertThat(v).contains("max-age=31536000").contains("public").contains("immutable"));
            assertThat(asset.headers().firstValue("Content-Encoding")).hasValue("gzip");

            HttpResponse<String> unknownApi = http.send(HttpRequest.newBuilder(appliance.process().uri("/api/no-such-thing"))
                    .header("Authorization", "Bearer " + appliance.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknownApi.statusCode()).as("an unknown API path is no client route").isEqualTo(404);
            assertThat(unknownApi.body()).doesNotContain("<div id=\"app\">");
        }
    }

    @Test
    @Order(8)
    void theAccountPageOffersTheBoxCertificateAndSaysWhyABrowserMustTrustIt(DashboardAppliance appliance) {
        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.go("/account");
        String card = browser.awaitText(By.cssSelector("[data-test=trust]"), "Trust this box's certificate",
                Duration.ofSeconds(20)).getText();
        assertThat(card).contains("Until a browser trusts that authority it warns about the connection, and n8n does not open.");
        WebElement link = browser.find(By.cssSelector("[data-test=trust] a[data-test=ca-certificate]"));
        assertThat(link.getAttribute("href")).isEqualTo(appliance.base() + "/arasul-ca.crt");
        assertThat(link.getAttribute("download")).isEqualTo("arasul-ca.crt");
        assertThat(link.getText()).isEqualTo("Download the box's certificate (arasul-ca.crt)");
    }

    @Test
    @Order(99)
    void theLiveChannelComesBackAfterTheApplianceRestarts(DashboardAppliance appliance) throws Exception {
        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.await(By.cssSelector("[data-test=sampled-at]"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> "live".equals(connection(browser)));

        appliance.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> "live".equals(connection(browser)));
        String now = browser.find(By.cssSelector("[data-test=sampled-at]")).getText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(browser.find(By.cssSelector("[data-test=sampled-at]")).getText()).isNotEqualTo(now));
        assertThat(browser.path()).as("still logged in on the overview").isEqualTo("/");
    }

    private static String connection(Browser browser) {
        return browser.find(By.cssSelector("main")).getAttribute("data-connection");
    }

    private static JsonNode firstRuleSetWithFiles(JsonNode rules) {
        return rules.get("ruleSets").valueStream().filter(s -> !s.get("files").isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no rule set with files: " + rules));
    }

    private static String text(DashboardAppliance appliance, String path, String token) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(appliance.process().uri(path)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}

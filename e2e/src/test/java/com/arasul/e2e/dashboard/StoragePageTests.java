package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The Storage & backups page in a real browser, against the packaged appliance without object storage
 * (the embedded default): the page says storage is not configured and shows the disk; "back up now"
 * shows the run's steps until it is done, the new archive is listed, and its download is the archive
 * the API lists, byte for byte in size.
 */
@DashboardTest
class StoragePageTests {

    @Test
    void backUpNowShowsProgressThenListsTheArchiveWhichDownloads(Browser browser, DashboardAppliance appliance)
            throws Exception {
        browser.loggedIn(DashboardAppliance.PASSWORD).go("/storage");
        browser.awaitText(By.cssSelector("main h1"), "Storage & backups", Duration.ofSeconds(20));
        browser.awaitText(By.cssSelector("[data-test=storage-not-configured]"), "not configured", Duration.ofSeconds(20));
        assertThat(browser.find(By.cssSelector("[data-test=storage-disk]")).getText()).contains("free of");
        browser.awaitText(By.cssSelector("[data-test=backup-last]"), "no good backup yet", Duration.ofSeconds(20));

        browser.find(By.cssSelector("[data-test=backup-now]")).click();
        browser.awaitText(By.cssSelector("[data-test=backup-progress]"), "Backup finished", Duration.ofSeconds(90));
        browser.awaitText(By.cssSelector("[data-test=backup-last]"), "Last good backup", Duration.ofSeconds(20));
        JsonNode listing = appliance.call("GET", "/api/backups", null, appliance.token());
        JsonNode backup = listing.get("backups").get(0);
        String name = backup.get("name").asString();
        browser.awaitText(By.cssSelector("[data-test=backup-list]"), name, Duration.ofSeconds(20));
        browser.screenshot("storage-en");

        // The page hands the archive to the browser as a blob under an anchor's download name; the test
        // records the blob and the anchor's click (a fetch of the blob: URL would be refused by the CSP,
        // default-src 'self', while the real download is a navigation the CSP does not govern).
        browser.script("""
                window.__downloads = [];
                const create = URL.createObjectURL;
                URL.createObjectURL = (blob) => { window.__blob = blob.size; return create.call(URL, blob); };
                HTMLAnchorElement.prototype.click = function () {
                  window.__downloads.push({ name: this.download, size: window.__blob, blob: this.href.startsWith('blob:') });
                };""");
        browser.find(By.cssSelector("[data-test=backup-download]")).click();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> downloads = (List<Map<String, Object>>) browser.script("return window.__downloads");
            assertThat(downloads).singleElement().satisfies(d -> {
                assertThat(d.get("name")).isEqualTo(name);
                assertThat(d.get("blob")).isEqualTo(true);
                assertThat(((Number) d.get("size")).longValue()).isEqualTo(backup.get("size_bytes").asLong()).isPositive();
            });
        });
        assertThat(browser.all(By.cssSelector("main [role=alert]"))).isEmpty();

        browser.language("de");
        browser.awaitText(By.cssSelector("main h1"), "Speicher & Sicherungen", Duration.ofSeconds(10));
        browser.awaitText(By.cssSelector("[data-test=backup-last]"), "Letzte gute Sicherung", Duration.ofSeconds(10));
        browser.screenshot("storage-de");
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    }
}

package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.e2e.dashboard.Browser;
import com.arasul.e2e.dashboard.DashboardAppliance;
import com.arasul.e2e.dashboard.DashboardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The updates page with real packages made by the update CLI: one signed with a key the appliance
 * trusts, one forged (signed with a key it does not know); each upload's outcome is shown.
 */
@DashboardTest
class DashboardUpdateTests {

    private static final String IMAGE = "ui-e2e-update:v2";

    @TempDir
    static Path shared;

    @BeforeAll
    static void packages() throws Exception {
        Docker.run("tag", "arasul-test/busybox:base", IMAGE).orFail();
        Path tar = shared.resolve("image.tar");
        Docker.run("save", "-o", tar.toString(), IMAGE).orFail();
        UpdateCli.keygen(shared.resolve("trusted"));
        UpdateCli.keygen(shared.resolve("forger"));
        UpdateCli.create("9.0.0", shared.resolve("trusted/private.pem"), "ui-e2e-update", tar, shared.resolve("good.araupdate"));
        UpdateCli.create("9.0.1", shared.resolve("forger/private.pem"), "ui-e2e-update", tar, shared.resolve("forged.araupdate"));
    }

    @AfterAll
    static void removeImage() {
        Docker.run("rmi", "-f", IMAGE);
    }

    @Test
    void aGoodPackageIsReadyToInstallAndAForgedOneIsRefusedWithItsReason(DashboardAppliance appliance) throws Exception {
        Path keys = Files.createDirectories(appliance.process().dataDir().resolve("config/update-keys"));
        Files.copy(shared.resolve("trusted/public.pem"), keys.resolve("ui-e2e.pem"));
        Browser browser = appliance.browser("en").loggedIn(DashboardAppliance.PASSWORD);
        browser.go("/updates");

        browser.await(By.cssSelector("[data-test=update-file]")).sendKeys(shared.resolve("good.araupdate").toString());
        browser.find(By.cssSelector("[data-test=update-upload]")).click();
        assertThat(browser.awaitText(By.cssSelector("[data-test=update-result]"), "version 9.0.0", Duration.ofSeconds(90)).getText())
                .contains("The package is fine: version 9.0.0 can be installed.");
        assertThat(browser.find(By.cssSelector("[data-test=update-apply]")).isDisplayed()).isTrue();
        browser.screenshot("updates-ready-en");

        browser.find(By.cssSelector("[data-test=update-file]")).sendKeys(shared.resolve("forged.araupdate").toString());
        browser.find(By.cssSelector("[data-test=update-upload]")).click();
        assertThat(browser.awaitText(By.cssSelector("[data-test=update-result]"), "refused", Duration.ofSeconds(90)).getText())
                .contains("The package was refused:");
        assertThat(browser.find(By.cssSelector("[data-test=update-reasons]")).getText()).isNotBlank();
        assertThat(browser.all(By.cssSelector("[data-test=update-apply]"))).isEmpty();
        browser.screenshot("updates-refused-en");
        browser.language("de");
        browser.awaitText(By.cssSelector("[data-test=update-result]"), "abgelehnt", Duration.ofSeconds(5));
        browser.screenshot("updates-refused-de");
    }
}

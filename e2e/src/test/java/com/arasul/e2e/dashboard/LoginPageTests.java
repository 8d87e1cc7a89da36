package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The login page as the owner meets it, with a password manager's view of the form. */
@DashboardTest
class LoginPageTests {

    @Test
    void aWrongPasswordIsASentenceAndTheRightOneOpensTheOverview(Browser browser) {
        browser.go("/");
        assertThat(browser.await(By.cssSelector("input[name=username][autocomplete=username]"))).isNotNull();
        assertThat(browser.find(By.cssSelector("input[name=password][type=password][autocomplete=current-password]"))).isNotNull();
        browser.screenshot("login-en");

        browser.login("admin", "not-the-password");
        assertThat(browser.awaitText(By.cssSelector("[data-test=login-error]"), "wrong", Duration.ofSeconds(15)).getText())
                .isEqualTo("The user name or the password is wrong.");

        browser.login("admin", DashboardAppliance.PASSWORD);
        browser.await(By.cssSelector("[data-test=state] h2"));
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.script("return localStorage.getItem('arasul.token')")).isNull();
        assertThat(browser.script("return sessionStorage.getItem('arasul.token')")).isNotNull();
    }

    @Test
    void aClientRouteOpenedDirectlyReturnsThereAfterLogin(Browser browser) {
        browser.go("/no-such-page");
        browser.login("admin", DashboardAppliance.PASSWORD);
        browser.awaitText(By.cssSelector("main"), "This page does not exist.", Duration.ofSeconds(15));
        assertThat(browser.path()).isEqualTo("/no-such-page");
    }

    @Test
    void repeatedWrongPasswordsEndInALockoutSentenceWithTheWait(Browser browser) {
        // failures count per account and address: a name of its own leaves the admin's logins in this class open
        browser.go("/login");
        By error = By.cssSelector("[data-test=login-error]");
        By submit = By.cssSelector("form button[type=submit]");
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.login("e2e-lockout", "not-the-password-" + attempt);
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.find(submit).isEnabled()
                    && !browser.all(error).isEmpty());
        }

        assertThat(browser.find(error).getText())
                .matches("The account is locked after too many failed logins\\. Try again in 1[56] minutes\\.");
        browser.screenshot("login-locked-en");
    }

    @Test
    void theGermanBrowserGetsTheGermanPage(DashboardAppliance appliance) {
        Browser browser = appliance.browser("de");
        browser.go("/login");
        assertThat(browser.await(By.cssSelector("form button[type=submit]")).getText()).isEqualTo("Anmelden");
        browser.screenshot("login-de");
    }
}

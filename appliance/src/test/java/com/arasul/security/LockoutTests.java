package com.arasul.security;

import static com.arasul.security.AuthenticationTests.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed logins lock one client address out of one account; the owner elsewhere still gets in.
 * The growing shared delay and the doubling locks are specified in {@code LoginThrottleTests}.
 */
@SecuredApplianceTest
class LockoutTests {

    static final String WRONG = "Wrong-Password-99!";
    static final String ATTACKER = "127.0.0.2";

    @Autowired
    ApiClient api;

    @Autowired
    TestAccounts accounts;

    @Test
    void locksTheAddressForFifteenMinutesAfterFiveFailedLoginsEvenForTheRightPassword() {
        String user = accounts.create();
        for (int i = 0; i < 4; i++) {
            assertThat(api.loginFrom(ATTACKER, user, WRONG).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> fifth = api.loginFrom(ATTACKER, user, WRONG);
        HttpResponse<String> rightPassword = api.loginFrom(ATTACKER, user, TestAccounts.PASSWORD);

        assertApiError(fifth, 423, "/api/auth/login");
        assertApiError(rightPassword, 423, "/api/auth/login");
        assertThat(ApiClient.json(rightPassword).get("message").asString()).contains("locked").contains("until");
        long retryAfter = Long.parseLong(rightPassword.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(Duration.ofMinutes(14).toSeconds(), Duration.ofMinutes(15).toSeconds() + 1);
    }

    @Test
    void failuresFromOneAddressNeverLockTheOwnerOutFromAnother() {
        String user = accounts.create();
        for (int i = 0; i < 10; i++) {
            api.loginFrom(ATTACKER, user, WRONG);
        }
        assertThat(api.loginFrom(ATTACKER, user, TestAccounts.PASSWORD).statusCode()).isEqualTo(423);

        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        String user = accounts.create();
        for (int i = 0; i < 4; i++) {
            api.login(user, WRONG);
        }
        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);

        assertThat(api.login(user, WRONG).statusCode()).isEqualTo(401);
        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aLockedAccountDoesNotLockAnyoneElse() {
        String user = accounts.create();
        for (int i = 0; i < 5; i++) {
            api.login(user, WRONG);
        }
        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).isEqualTo(423);

        assertThat(api.login("admin", SecuredApplianceTest.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }
}

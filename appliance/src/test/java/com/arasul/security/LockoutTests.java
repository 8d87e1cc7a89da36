package com.arasul.security;

import static com.arasul.security.AuthenticationTests.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SecuredApplianceTest
class LockoutTests {

    static final String WRONG = "Wrong-Password-99!";

    @Autowired
    ApiClient api;

    @Autowired
    TestAccounts accounts;

    @Test
    void locksTheAccountForFifteenMinutesAfterFiveFailedLoginsEvenForTheRightPassword() {
        String user = accounts.create();
        for (int i = 0; i < 4; i++) {
            assertThat(api.login(user, WRONG).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> fifth = api.login(user, WRONG);
        HttpResponse<String> rightPassword = api.login(user, TestAccounts.PASSWORD);

        assertApiError(fifth, 423, "/api/auth/login");
        assertApiError(rightPassword, 423, "/api/auth/login");
        assertThat(ApiClient.json(rightPassword).get("message").asString()).contains("locked").contains("until");
        long retryAfter = Long.parseLong(rightPassword.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(Duration.ofMinutes(14).toSeconds(), Duration.ofMinutes(15).toSeconds() + 1);
        assertThat(accounts.lockedUntil(user)).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(15)));
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

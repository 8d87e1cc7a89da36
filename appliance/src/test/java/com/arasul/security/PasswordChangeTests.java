package com.arasul.security;

import static com.arasul.security.AuthenticationTests.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SecuredApplianceTest
class PasswordChangeTests {

    @Autowired
    ApiClient api;

    @Autowired
    TestAccounts accounts;

    @Test
    void changesThePasswordAndSignsOutEveryOtherSession() {
        String user = accounts.create();
        String current = api.token(user, TestAccounts.PASSWORD);
        String other = api.token(user, TestAccounts.PASSWORD);

        HttpResponse<String> changed = change(current, TestAccounts.PASSWORD, "Brand-New-Secret-7#");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(changed).get("other_sessions_ended").asInt()).isEqualTo(1);
        assertThat(ApiClient.json(changed).has("timestamp")).isTrue();
        assertThat(api.get("/api/auth/me", current).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/auth/me", other).statusCode()).isEqualTo(401);
        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(api.login(user, "Brand-New-Secret-7#").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAPasswordThatBreaksThePolicy() {
        String user = accounts.create();
        String token = api.token(user, TestAccounts.PASSWORD);

        HttpResponse<String> tooSimple = change(token, TestAccounts.PASSWORD, "alllowercase");

        assertApiError(tooSimple, 400, "/api/auth/change-password");
        assertThat(ApiClient.json(tooSimple).get("message").asString())
                .contains("upper-case letter").contains("digit").contains("special character");
        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWrongCurrentPassword() {
        String user = accounts.create();
        String token = api.token(user, TestAccounts.PASSWORD);

        assertApiError(change(token, "Not-My-Password-1!", "Brand-New-Secret-7#"), 400, "/api/auth/change-password");
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLogin() {
        String user = accounts.create();
        String token = api.token(user, TestAccounts.PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(change(token, "Not-My-Password-" + i + "!", "Brand-New-Secret-7#").statusCode()).isEqualTo(400);
        }

        assertApiError(change(token, "Not-My-Password-5!", "Brand-New-Secret-7#"), 423, "/api/auth/change-password");
        assertThat(change(token, TestAccounts.PASSWORD, "Brand-New-Secret-7#").statusCode())
                .as("the right one is refused unread while locked").isEqualTo(423);
        assertThat(api.login(user, TestAccounts.PASSWORD).statusCode()).as("the same lockout as the login").isEqualTo(423);
        assertThat(api.loginFrom("127.0.0.3", user, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void answersTheSameForAWrongCurrentPasswordAndARightOneWhileTheNewOneIsRefused() {
        String user = accounts.create();
        String token = api.token(user, TestAccounts.PASSWORD);

        HttpResponse<String> wrongCurrent = change(token, "Not-My-Password-1!", "short");
        HttpResponse<String> rightCurrent = change(token, TestAccounts.PASSWORD, "short");

        assertThat(wrongCurrent.statusCode()).isEqualTo(rightCurrent.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(wrongCurrent).get("message")).isEqualTo(ApiClient.json(rightCurrent).get("message"));
    }

    @Test
    void refusesEachOfTheLastFivePasswordsButTakesTheSixth() {
        String user = accounts.create();
        String token = api.token(user, TestAccounts.PASSWORD);
        String previous = TestAccounts.PASSWORD;
        for (int i = 1; i <= 5; i++) {
            String next = "Rotation-Secret-" + i + "!";
            assertThat(change(token, previous, next).statusCode()).isEqualTo(200);
            previous = next;
        }

        HttpResponse<String> fourBack = change(token, previous, "Rotation-Secret-2!");
        HttpResponse<String> sixBack = change(token, previous, TestAccounts.PASSWORD);

        assertApiError(fourBack, 400, "/api/auth/change-password");
        assertThat(ApiClient.json(fourBack).get("message").asString()).contains("last 5");
        assertThat(sixBack.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> change(String token, String current, String next) {
        return api.post("/api/auth/change-password", token, Map.of("current_password", current, "new_password", next));
    }
}

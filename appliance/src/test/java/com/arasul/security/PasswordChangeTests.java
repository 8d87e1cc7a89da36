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

package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;

@SecuredApplianceTest
class AuthenticationTests {

    @Autowired
    ApiClient api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void logsInAndShowsTheAccountOfTheToken() {
        HttpResponse<String> login = api.login("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(login);
        assertThat(body.get("token").asString()).isNotBlank();
        assertThat(Instant.parse(body.get("expires_at").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(body.get("timestamp").asString()).isNotBlank();

        HttpResponse<String> me = api.get("/api/auth/me", body.get("token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(me).get("username").asString()).isEqualTo("admin");
        assertThat(ApiClient.json(me).get("session").get("id").asString()).isNotBlank();
        assertThat(ApiClient.json(me).has("timestamp")).isTrue();
    }

    @Test
    void refusesAProtectedRouteWithoutTokenWithAnApiError() {
        HttpResponse<String> response = api.get("/api/auth/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertApiError(response, 401, "/api/auth/me");
    }

    @Test
    void refusesRoutesNoOneHasWrittenYetWithoutToken() {
        assertApiError(api.get("/api/system/status", null), 401, "/api/system/status");
        assertApiError(api.post("/api/anything", null, java.util.Map.of()), 401, "/api/anything");
    }

    @Test
    void actuatorNeedsAToken() {
        assertThat(api.get("/actuator/health", null).statusCode()).isEqualTo(401);
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        assertThat(api.get("/actuator/health", token).statusCode()).isEqualTo(200);
    }

    @Test
    void apiDocumentIsPublicAndDeclaresBearerTokens() {
        HttpResponse<String> document = api.get("/api/docs/openapi.json", null);

        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode scheme = ApiClient.json(document).at("/components/securitySchemes/bearer-jwt");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(ApiClient.json(document).at("/paths/~1api~1auth~1login/post/security").isEmpty()).isTrue();
    }

    @Test
    void healthAndSwaggerUiNeedNoToken() {
        assertThat(api.get("/api/health", null).statusCode()).isNotEqualTo(401);
        HttpResponse<String> docs = api.get("/api/docs", null);
        assertThat(docs.statusCode()).isEqualTo(302);
        String page = java.net.URI.create(api.base()).resolve(docs.headers().firstValue("Location").orElseThrow())
                .getRawPath();
        assertThat(api.get(page, null).statusCode()).as(page).isEqualTo(200);
        assertThat(api.get("/index.html", null).statusCode()).isNotEqualTo(401);
    }

    @Test
    void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() {
        HttpResponse<String> wrong = api.login("admin", "Not-The-Password-1!");
        HttpResponse<String> unknown = api.login("nobody", "Not-The-Password-1!");

        assertApiError(wrong, 401, "/api/auth/login");
        assertThat(ApiClient.json(wrong).get("message")).isEqualTo(ApiClient.json(unknown).get("message"));
    }

    @Test
    void refusesATokenAfterItsLogout() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        assertThat(api.get("/api/auth/me", token).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = api.post("/api/auth/logout", token, java.util.Map.of());
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(logout).get("sessions_ended").asInt()).isEqualTo(1);

        HttpResponse<String> after = api.get("/api/auth/me", token);
        assertApiError(after, 401, "/api/auth/me");
        assertThat(jdbc.sql("SELECT count(*) FROM token_revocations").query(Long.class).single()).isPositive();
    }

    @Test
    void logoutAllEndsEverySessionOfTheAccountButNoOneElses() {
        String user = accounts.create();
        String first = api.token(user, TestAccounts.PASSWORD);
        String second = api.token(user, TestAccounts.PASSWORD);
        String admins = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        HttpResponse<String> sessions = api.get("/api/auth/sessions", first);
        assertThat(ApiClient.json(sessions).get("sessions")).hasSize(2);

        HttpResponse<String> logoutAll = api.post("/api/auth/logout-all", first, java.util.Map.of());

        assertThat(ApiClient.json(logoutAll).get("sessions_ended").asInt()).isEqualTo(2);
        assertThat(api.get("/api/auth/me", first).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", second).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", admins).statusCode()).isEqualTo(200);
    }

    @Test
    void listsOpenSessionsAndMarksTheCurrentOne() {
        String user = accounts.create();
        String token = api.token(user, TestAccounts.PASSWORD);

        JsonNode body = ApiClient.json(api.get("/api/auth/sessions", token));

        assertThat(body.get("sessions")).hasSize(1);
        assertThat(body.get("sessions").get(0).get("current").asBoolean()).isTrue();
        assertThat(body.get("sessions").get(0).get("client_ip").asString()).isNotBlank();
        assertThat(body.has("timestamp")).isTrue();
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        var foreignKey = new SecretKeySpec("an-attacker-who-guessed-a-secret!".getBytes(), "HmacSHA256");
        var encoder = NimbusJwtEncoder.withSecretKey(foreignKey).algorithm(MacAlgorithm.HS256).build();
        String forged = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("arasul").subject("admin").id("forged")
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build()))
                .getTokenValue();

        assertApiError(api.get("/api/auth/me", forged), 401, "/api/auth/me");
    }

    @Test
    void recordsEveryLoginAttempt() {
        String user = accounts.create();
        api.login(user, "Wrong-Password-99!");
        api.token(user, TestAccounts.PASSWORD);

        assertThat(jdbc.sql("SELECT success FROM login_attempts WHERE username = ? ORDER BY id")
                .param(user).query(Boolean.class).list()).containsExactly(false, true);
    }

    static void assertApiError(HttpResponse<String> response, int status, String path) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = ApiClient.json(response);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("error").asString()).isNotBlank();
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("path").asString()).isEqualTo(path);
        assertThat(Instant.parse(error.get("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

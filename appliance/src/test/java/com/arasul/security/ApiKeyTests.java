package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * API keys for integrations: shown once, kept as a hash, usable only on the routes of their scopes
 * (checked over every mapped route, so a new controller is covered without being listed), refused
 * at once when revoked, and limited per key.
 */
@SecuredApplianceTest
class ApiKeyTests {

    /** The shared contract, written out again here on purpose: the code's table must agree with it. */
    static final Map<String, List<String>> SCOPE_ROUTES = Map.of(
            "llm", List.of("* /api/llm/**", "* /v1/chat/completions", "* /v1/models", "* /v1/models/**"),
            "embeddings", List.of("* /api/embeddings", "* /v1/embeddings"),
            "workflows", List.of("POST /api/workflows/execution"),
            "read", List.of("GET /api/system/status", "GET /api/metrics/**", "GET /api/services",
                    "GET /api/workflows/**"));

    @Autowired
    ApiClient api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void keyIsShownOnceAndListedByPrefixOnly() {
        JsonNode created = create("shown-once", "llm");
        String key = created.get("key").asString();

        assertThat(key).startsWith("ara_").hasSize(47);
        assertThat(created.get("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(created.get("created_at").isNull()).isFalse();
        HttpResponse<String> list = api.get("/api/auth/api-keys", admin());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("shown-once").contains(created.get("prefix").asString()).doesNotContain(key);
    }

    @Test
    void unknownScopeIsRefusedNamingTheScopes() {
        HttpResponse<String> response = api.post("/api/auth/api-keys", admin(),
                Map.of("name", "bad", "scopes", List.of("admin")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("message").asString())
                .contains("'admin'").contains("llm, embeddings, workflows, read");
    }

    @Test
    void everyKeyIsRefusedOnEveryRouteOutsideItsScope() {
        List<String> wrong = new ArrayList<>();
        SCOPE_ROUTES.forEach((scope, allowed) -> {
            String key = create("scope-" + scope, scope).get("key").asString();
            mappings.getHandlerMethods().keySet().forEach(mapping -> {
                Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                for (String pattern : mapping.getPatternValues()) {
                    String path = pattern.replaceAll("\\{[^}]*}", "x").replace("/**", "/x").replace("*", "x");
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        boolean inScope = allowed.stream().anyMatch(route -> covers(route, method.name(), path));
                        int status = api.send(api.request(path, key).timeout(java.time.Duration.ofSeconds(5))
                                .method(method.name(), HttpRequest.BodyPublishers.noBody())).statusCode();
                        if (inScope ? status == 401 || status == 403 : status != 403) {
                            wrong.add(scope + ": " + method + " " + pattern + " -> " + status);
                        }
                    }
                }
            });
        });

        assertThat(wrong).as("routes where a key was treated against its scopes").isEmpty();
    }

    @Test
    void keyCannotManageKeys() {
        String key = create("no-admin", "llm", "embeddings", "workflows", "read").get("key").asString();

        assertThat(api.get("/api/auth/api-keys", key).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/auth/api-keys", key, Map.of("name", "x", "scopes", List.of("llm"))).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/auth/me", key).statusCode()).isEqualTo(403);
    }

    @Test
    void revokedKeyIsRefusedOnItsVeryNextRequest() {
        JsonNode created = create("revoked", "read");
        String key = created.get("key").asString();
        assertThat(api.get("/api/system/status", key).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = api.send(api.request("/api/auth/api-keys/" + created.get("id").asLong(), admin())
                .DELETE());

        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> after = api.get("/api/system/status", key);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("revoked");
        assertThat(api.get("/api/auth/api-keys", admin()).body()).doesNotContain(created.get("prefix").asString());
    }

    @Test
    void madeUpKeyIsRefused() {
        HttpResponse<String> response = api.get("/api/system/status", "ara_" + "A".repeat(43));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void useIsRecordedAsLastUsed() {
        JsonNode created = create("used", "read");
        assertThat(api.get("/api/services", created.get("key").asString()).statusCode()).isEqualTo(200);

        JsonNode listed = ApiClient.json(api.get("/api/auth/api-keys", admin())).get("keys").valueStream()
                .filter(key -> key.get("id").asLong() == created.get("id").asLong()).findFirst().orElseThrow();

        assertThat(listed.get("last_used_at").isNull()).isFalse();
    }

    @Test
    void eachKeyHasItsOwnRateLimit() {
        String key = create("busy", "read").get("key").asString();
        String other = create("quiet", "read").get("key").asString();

        List<Integer> statuses = IntStream.range(0, SecuredApplianceTest.API_KEY_REQUESTS + 5)
                .mapToObj(i -> api.get("/api/services", key).statusCode()).toList();

        assertThat(statuses).first().isEqualTo(200);
        assertThat(statuses.subList(statuses.size() - 3, statuses.size())).containsOnly(429);
        assertThat(api.get("/api/services", other).statusCode()).isEqualTo(200);
    }

    private JsonNode create(String name, String... scopes) {
        HttpResponse<String> response = api.post("/api/auth/api-keys", admin(),
                Map.of("name", name, "scopes", List.of(scopes)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response);
    }

    private String admin() {
        return api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
    }

    private static boolean covers(String route, String method, String path) {
        String[] parts = route.split(" ");
        if (!parts[0].equals("*") && !parts[0].equals(method)) {
            return false;
        }
        String pattern = parts[1];
        return pattern.endsWith("/**") ? path.startsWith(pattern.substring(0, pattern.length() - 2))
                : path.equals(pattern);
    }
}

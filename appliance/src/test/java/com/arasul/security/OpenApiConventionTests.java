package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is the list of routes: every operation has a summary and documents its 4xx
 * answers with the error schema, and every route, sent wrong types, out-of-range numbers, bad
 * encodings, a malformed body or an Accept header it cannot serve, answers 4xx in that shape, never 500.
 */
@SecuredApplianceTest
class OpenApiConventionTests {

    /** Operations that act even on a malformed request (they take no body): walked with GET-like probes only. */
    static final Set<String> NOT_PROBED = Set.of("/api/auth/logout", "/api/auth/logout-all");
    static final List<String> BAD_VALUES = List.of("x", "-1", "99999999999999999999999", "%E0%A4", "a%00b", "..%2F..");

    @Autowired
    ApiClient api;

    @Test
    void everyOperationHasASummaryAndDocumentsItsRefusals() {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (!op.hasNonNull("summary") || op.get("summary").asString().isBlank()) {
                    missing.add(name + ": summary");
                }
                String schema = path.getKey().startsWith("/v1/") ? "/OpenAiError" : "/ApiError";
                for (String status : List.of("400", "401", "404", "406", "429")) {
                    JsonNode response = op.path("responses").path(status);
                    if (!response.path("content").path("application/json").path("schema").path("$ref").asString()
                            .endsWith(schema)) {
                        missing.add(name + ": " + status);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(document.path("components").path("schemas").path("ApiError").path("required")).hasSize(5);
    }

    @Test
    void everyRouteAnswersWrongInputWithADocumentedRefusalNever500() {
        String token = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        SoftAssertions softly = new SoftAssertions();
        int probes = 0;
        for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                JsonNode op = operation.getValue();
                boolean hasBody = op.has("requestBody");
                if (!method.equals("GET") && (!hasBody || NOT_PROBED.contains(path.getKey()))) {
                    continue;
                }
                for (String bad : BAD_VALUES) {
                    String uri = fill(path.getKey(), op, bad);
                    probes++;
                    check(softly, method + " " + uri, api.send(request(method, uri, token, "application/json", hasBody)));
                }
                String uri = fill(path.getKey(), op, "1");
                for (String accept : List.of("text/html", "application/xml", "image/png")) {
                    probes++;
                    check(softly, method + " " + uri + " Accept " + accept,
                            api.send(request(method, uri, token, accept, hasBody)));
                }
            }
        }
        assertThat(probes).isGreaterThan(50);
        softly.assertAll();
    }

    private static void check(SoftAssertions softly, String probe, HttpResponse<String> response) {
        // 503 is the documented answer of a route whose service is down (no language model runs here),
        // never a fault of the appliance; it must still be the error shape below
        softly.assertThat(response.statusCode()).as(probe + " → " + response.body())
                .satisfiesAnyOf(status -> assertThat(status).isLessThan(500), status -> assertThat(status).isEqualTo(503));
        if (response.statusCode() >= 400) {
            softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(probe)
                    .startsWith("application/json");
            JsonNode error = parse(response.body());
            // the OpenAI-compatible routes answer in OpenAI's shape, the one its clients read
            boolean shaped = response.uri().getPath().startsWith("/v1/")
                    ? error != null && error.path("error").has("message") && error.path("error").has("type")
                            && error.path("error").has("param") && error.path("error").has("code")
                    : error != null && error.has("timestamp") && error.has("status") && error.has("error")
                            && error.has("message") && error.has("path");
            softly.assertThat(shaped).as(probe + " → " + response.body()).isTrue();
            softly.assertThat(response.body()).as(probe).doesNotContain("Exception").doesNotContain("java.")
                    .doesNotContain("overflow");
        }
    }

    private HttpRequest.Builder request(String method, String uri, String token, String accept, boolean hasBody) {
        HttpRequest.Builder request = api.request(uri, token).header("Accept", accept);
        if (method.equals("GET")) {
            return request.GET();
        }
        // a body that no operation can read: the refusal must come before anything is done
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"broken\": "));
    }

    /** The path with every path variable and query parameter set to {@code value} (encoded unless it is already). */
    private static String fill(String path, JsonNode operation, String value) {
        String encoded = value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
        String filled = path.replaceAll("\\{[^}]+}", encoded.replace("$", "\\$"));
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asString()).append('=').append(encoded);
            }
        }
        return filled + query;
    }

    /** The document as served; also left in {@code target/openapi.json} for {@code scripts/openapi-lint/lint.sh}. */
    private JsonNode document() {
        HttpResponse<String> response = api.get("/api/docs/openapi.json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ApiClient.json(response);
    }

    private static JsonNode parse(String body) {
        try {
            return ApiClient.JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}

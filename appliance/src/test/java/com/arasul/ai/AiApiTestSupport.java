package com.arasul.ai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the appliance of an {@link AiApplianceTest}: login, API keys, JSON requests. */
abstract class AiApiTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MODEL = "llama3:latest";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final StandInOllama ollama = AiApplianceTest.OLLAMA;

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String admin() throws Exception {
        HttpResponse<String> login = send("POST", "/api/auth/login", null,
                Map.of("username", "admin", "password", AiApplianceTest.ADMIN_PASSWORD));
        return JSON.readTree(login.body()).get("token").asString();
    }

    /** A new API key of these scopes. */
    String key(String... scopes) throws Exception {
        HttpResponse<String> created = send("POST", "/api/auth/api-keys", admin(), Map.of("name", "test",
                "scopes", List.of(scopes)));
        return JSON.readTree(created.body()).get("key").asString();
    }

    void revoke(String key) throws Exception {
        String token = admin();
        for (JsonNode listed : JSON.readTree(send("GET", "/api/auth/api-keys", token, null).body()).get("keys")) {
            if (key.startsWith(listed.get("prefix").asString())) {
                send("DELETE", "/api/auth/api-keys/" + listed.get("id").asLong(), token, null);
            }
        }
    }

}

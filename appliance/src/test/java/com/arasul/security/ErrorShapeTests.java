package com.arasul.security;

import static com.arasul.security.AuthenticationTests.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal is the documented JSON shape, a sentence without Java in it, whatever the Accept
 * header, also where Tomcat answers before any filter (raw socket requests).
 */
@SecuredApplianceTest
class ErrorShapeTests {

    @LocalServerPort
    int port;

    @Autowired
    ApiClient api;

    @Test
    void anEncodedSlashInTheAddressIsAJsonError() throws IOException {
        assertRawJsonError(raw("GET /api/a%2fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anEncodedNulInTheAddressIsAJsonError() throws IOException {
        assertRawJsonError(raw("GET /api/a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void oversizedHeadersAreAJsonError() throws IOException {
        String big = "x".repeat(20_000);
        assertRawJsonError(raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                + "\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anOversizedAddressIsAJsonError() throws IOException {
        String big = "a".repeat(20_000);
        String answer = raw("GET /api/" + big + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status(answer)).isBetween(400, 414);
        assertRawJsonError(answer, status(answer));
    }

    @Test
    void anUnknownAddressIsAJsonErrorEvenWhenHtmlIsAskedFor() {
        String token = adminToken();
        HttpResponse<String> json = api.get("/api/no-such-thing", token);
        HttpResponse<String> html = api.send(api.request("/api/no-such-thing", token).header("Accept", "text/html").GET());

        assertApiError(json, 404, "/api/no-such-thing");
        assertApiError(html, 404, "/api/no-such-thing");
        assertThat(html.body()).doesNotContain("Whitelabel").doesNotContain("<html");
    }

    @Test
    void aWrongMethodIsAJsonError() {
        HttpResponse<String> response = api.send(api.request("/api/auth/me", adminToken())
                .header("Accept", "text/html").DELETE());

        assertApiError(response, 405, "/api/auth/me");
    }

    @Test
    void askingTheLogStreamForJsonIsAJson406() {
        HttpResponse<String> response = api.send(api.request("/api/logs/stream?service=appliance", adminToken())
                .header("Accept", "application/json").GET());

        assertApiError(response, 406, "/api/logs/stream");
    }

    @Test
    void aWrongParameterTypeNamesNoJavaType() {
        HttpResponse<String> response = api.get("/api/logs?service=appliance&lines=99999999999999999999", adminToken());

        assertApiError(response, 400, "/api/logs");
        assertThat(response.body()).doesNotContain("java.").doesNotContain("Integer").doesNotContain("overflow");
    }

    @Test
    void aMissingMultipartPartIsA400() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n";
        HttpResponse<String> response = api.send(api.request("/api/update/upload", adminToken())
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertApiError(response, 400, "/api/update/upload");
        assertThat(ApiClient.json(response).get("message").asString()).contains("file");
    }

    @Test
    void aMalformedMultipartBodyIsA400() {
        HttpResponse<String> response = api.send(api.request("/api/update/upload", adminToken())
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("this is not multipart at all")));

        assertApiError(response, 400, "/api/update/upload");
    }

    @Test
    void aControlCharacterInALoginNameIsA400() {
        HttpResponse<String> nul = api.login("adm\u0000in", "whatever-password");
        HttpResponse<String> escape = api.login("adm\u001bin", "whatever-password");

        assertApiError(nul, 400, "/api/auth/login");
        assertApiError(escape, 400, "/api/auth/login");
    }

    @Test
    void wwwAuthenticateNamesTheConfiguredAddressNotTheHostHeader() throws IOException {
        String answer = raw("GET /api/auth/me HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(status(answer)).isEqualTo(401);
        String header = answer.lines().filter(line -> line.toLowerCase().startsWith("www-authenticate:"))
                .findFirst().orElseThrow();
        assertThat(header).contains("Bearer").doesNotContain("evil.example");
    }

    @Test
    void theProtectedResourceMetadataClaimsOnlyWhatIsTrue() throws IOException {
        String answer = raw("GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(status(answer)).isEqualTo(200);
        JsonNode metadata = ApiClient.JSON.readTree(body(answer));
        assertThat(metadata.get("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
        assertThat(metadata.get("resource").asString()).doesNotContain("evil.example");
    }

    private String adminToken() {
        return api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static String body(String answer) {
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        if (answer.toLowerCase().contains("transfer-encoding: chunked")) {
            StringBuilder joined = new StringBuilder();
            String rest = body;
            while (true) {
                int end = rest.indexOf("\r\n");
                int size = Integer.parseInt(rest.substring(0, end).strip(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(rest, end + 2, end + 2 + size);
                rest = rest.substring(end + 2 + size + 2);
            }
            return joined.toString();
        }
        return body;
    }

    private static void assertRawJsonError(String answer, int status) {
        assertThat(status(answer)).as(answer).isEqualTo(status);
        assertThat(answer.toLowerCase()).contains("content-type: application/json");
        JsonNode error = ApiClient.JSON.readTree(body(answer));
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.has("timestamp") && error.has("error") && error.has("path")).isTrue();
        assertThat(answer).doesNotContain("<html").doesNotContain("Exception");
    }
}

package com.arasul.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.platform.PlatformProperties;
import com.arasul.security.SecuredApplianceTest;
import com.arasul.updates.format.Ed25519Keys;
import com.arasul.updates.format.PackageInputs;
import com.arasul.updates.format.PackageWriter;
import com.arasul.updates.format.SemanticVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The update API as a client sees it, over real HTTP with a token from {@code POST /api/auth/login}:
 * a package uploaded, applied on real Docker and followed through status and history; nothing
 * without a token; an upload over the (here small) package limit answered 413 with nothing kept.
 */
@SecuredApplianceTest
@TestPropertySource(properties = {"arasul.updates.max-package-size=8MB", "arasul.updates.health-timeout=20s",
        "arasul.updates.poll-interval=200ms"})
class UpdateOverHttpTests {

    private static final String SERVICE = UpdateTestImages.REPOSITORY;
    private static final KeyPair KEY = Ed25519Keys.generate();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "uig-boundary-7MA4YWxkTrZu0gW";

    @TempDir
    static Path work;
    @RegisterExtension
    static final SavedUpdateImages images = new SavedUpdateImages("v2");

    @LocalServerPort int port;
    @Autowired PlatformProperties platform;
    @Autowired InstalledVersion installed;
    @Autowired jakarta.servlet.MultipartConfigElement multipartConfig;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void answersEveryUpdateRouteWithoutATokenWith401() throws Exception {
        assertThat(send(get("/api/update/status"), null).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/update/history"), null).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/update/apply", "{\"id\":\"" + java.util.UUID.randomUUID() + "\"}"), null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> upload = send(multipart(HttpRequest.BodyPublishers.ofByteArray(part(new byte[] {1, 2, 3}))), null);
        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(upload.body()).get("timestamp")).isNotNull();
    }

    @Test
    void uploadsAppliesAndFollowsAPackageWithALoginToken() throws Exception {
        UpdateTestImages.run(SERVICE, "v1");
        installed.record(SemanticVersion.parse("1.0.0"), null);
        String token = login();
        Path file = signedPackage("2.0.0");

        HttpResponse<String> uploaded = send(multipart(HttpRequest.BodyPublishers.ofByteArray(part(Files.readAllBytes(file)))), token);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode ready = JSON.readTree(uploaded.body());
        assertThat(ready.get("status").asString()).isEqualTo("READY");
        String id = ready.get("id").asString();

        HttpResponse<String> applied = send(post("/api/update/apply", "{\"id\":\"" + id + "\"}"), token);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(90)).until(() -> current(token).get("status").asString(), "COMMITTED"::equals);
        JsonNode status = current(token);
        assertThat(status.get("id").asString()).isEqualTo(id);
        assertThat(status.get("progress").get("done").asInt()).isEqualTo(status.get("progress").get("total").asInt());
        assertThat(UpdateTestImages.runningVersion(SERVICE)).isEqualTo("v2");

        HttpResponse<String> history = send(get("/api/update/history?limit=5"), token);
        assertThat(history.statusCode()).isEqualTo(200);
        JsonNode entry = Stream.of(JSON.readTree(history.body()).get("packages")).flatMap(p -> p.valueStream())
                .filter(p -> p.get("id").asString().equals(id)).findFirst().orElseThrow();
        List<String> done = entry.get("events").valueStream().filter(e -> e.get("status").asString().equals("done"))
                .map(e -> e.get("step").asString()).distinct().toList();
        assertThat(done).as("every step of the path ends with a done event, which the progress counts")
                .containsExactly("RECEIVE", "VERIFY", "VALIDATE", "QUEUE", "BACKUP", "INSTALL", "RESTART", "HEALTH_GATE", "COMMIT");
    }

    @Test
    void answers413ForAnUploadOverTheLimitAndKeepsNothingOfIt() throws Exception {
        String token = login();
        long oversized = 16L << 20; // twice the limit, streamed: never in memory on either side
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(head()),
                new SequenceInputStream(new ZeroStream(oversized), new ByteArrayInputStream(tail())));

        AtomicInteger status = new AtomicInteger();
        String answer;
        try {
            answer = http.send(multipart(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                    .header("Authorization", "Bearer " + token).build(), info -> {
                        status.set(info.statusCode());
                        return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
                    }).body();
        } catch (java.io.IOException e) {
            // Tomcat stops reading an oversized upload and closes the connection once it answered;
            // what the client still had to send can cut off the answer's body, never its status line
            answer = null;
        }

        assertThat(status.get()).isEqualTo(413);
        if (answer != null) {
            assertThat(JSON.readTree(answer).get("message").asString()).contains("larger than the limit");
        }
        Path updates = platform.dataDir().resolve("updates");
        assertThat(multipartConfig.getLocation()).as("uploads are buffered in the data folder, not in /tmp")
                .isEqualTo(updates.resolve(".multipart").toString());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(updates.resolve("incoming")).isEmptyDirectory();
            assertThat(updates.resolve(".multipart")).as("the servlet container's upload buffer").isEmptyDirectory();
        });
    }

    private JsonNode current(String token) throws Exception {
        return JSON.readTree(send(get("/api/update/status"), token).body()).get("current");
    }

    private String login() throws Exception {
        HttpResponse<String> response = send(post("/api/auth/login", JSON.writeValueAsString(
                Map.of("username", "admin", "password", SecuredApplianceTest.ADMIN_PASSWORD))), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asString();
    }

    private Path signedPackage(String version) throws Exception {
        Path keys = Files.createDirectories(platform.dataDir().resolve("config/update-keys"));
        Files.writeString(keys.resolve("uig-http.pem"), Ed25519Keys.toPem(KEY.getPublic()));
        Path file = work.resolve("v" + version + ".araupdate");
        new PackageWriter(KEY.getPrivate()).write(new PackageInputs(SemanticVersion.parse(version), SemanticVersion.parse("1.0.0"),
                "over http", false, Map.of(SERVICE, images.tar("v2")), Optional.empty(), Optional.empty(), Instant.now()), file, false);
        return file;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder multipart(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/update/upload")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] part(byte[] content) {
        byte[] head = head();
        byte[] tail = tail();
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return all;
    }

    private static byte[] head() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"package.araupdate\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code size} zero bytes, made up as they are read. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nginx with the project's own proxy configuration (compose/reverse-proxy, the same template
 * compose uses, filled with test ports) and the certificate `arasul generate-secrets` makes, in front of
 * the packaged appliance. n8n cannot be pulled here: a small HTTP server records what reaches it.
 * The floods that trip the rate limits run last, so they do not starve the other tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReverseProxyTests {

    private static final String PASSWORD = "E2e-Proxy-Pass-1!";
    private static final Path REPOSITORY = ApplianceJar.locate().toAbsolutePath().getParent().getParent().getParent();

    @TempDir
    static Path work;

    private static ApplianceProcess appliance;
    private static Process nginx;
    private static HttpServer n8n;
    private static final List<String> n8nPaths = Collections.synchronizedList(new ArrayList<>());
    private static int httpPort;
    private static int httpsPort;
    private static Path tls;
    private static HttpClient client;
    private static String token;

    @BeforeAll
    static void startApplianceN8nAndNginx() throws Exception {
        Path root = Files.createDirectories(work.resolve("root"));
        ProcessBuilder generate = new ProcessBuilder("bash", REPOSITORY.resolve("scripts/box.sh").toString(),
                "generate-secrets").redirectErrorStream(true).redirectOutput(work.resolve("secrets.log").toFile());
        generate.environment().put("ARASUL_ROOT", root.toString());
        generate.environment().put("ARASUL_ADDRESSES", "127.0.0.1");
        assertThat(generate.start().waitFor()).as(Files.readString(work.resolve("secrets.log"))).isZero();
        tls = root.resolve("etc/arasul/tls");

        appliance = ApplianceProcess.start(ApplianceJar.locate(), List.of("-XX:+UseSerialGC", "-Xmx256m"),
                Map.of("ARASUL_ADMIN_PASSWORD", PASSWORD,
                        // the appliance's own limits would answer 429 too; here only nginx's count
                        "ARASUL_SECURITY_RATELIMITS_ENABLED", "false"), work);

        n8n = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        n8n.createContext("/", exchange -> {
            n8nPaths.add(exchange.getRequestURI().getPath());
            byte[] body = ("n8n saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        n8n.start();

        httpPort = freePort();
        httpsPort = freePort();
        nginx = startNginx(Map.of("ARASUL_LISTEN_HTTP", "127.0.0.1:" + httpPort,
                "ARASUL_LISTEN_HTTPS", "127.0.0.1:" + httpsPort,
                "ARASUL_HTTPS_PORT", String.valueOf(httpsPort),
                "ARASUL_TLS_DIR", tls.toString(),
                "ARASUL_RESOLVER", "127.0.0.1",
                "ARASUL_UPSTREAM", "127.0.0.1:" + appliance.uri("/").getPort(),
                "ARASUL_N8N_UPSTREAM", "127.0.0.1:" + n8n.getAddress().getPort()));
        awaitListening(nginx, httpsPort);
        appliance.awaitReady(Duration.ofMinutes(4));

        client = HttpClient.newBuilder().sslContext(trusting(tls.resolve("ca.crt")))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = client.send(request("/api/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
        assertThat(matcher.find()).isTrue();
        token = matcher.group(1);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (n8n != null) {
            n8n.stop(0);
        }
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    @Order(1)
    void speaksTlsWithTheCertificateOfTheGeneratedLocalCaOnly() throws Exception {
        // answered by nginx itself: the appliance's health may say 503 on a loaded machine
        HttpResponse<String> health = client.send(request("/arasul-ca.crt").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        X509Certificate certificate = (X509Certificate) health.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .contains("arasul.local", "localhost", "127.0.0.1");
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> untrusting.send(request("/arasul-ca.crt").build(), HttpResponse.BodyHandlers.discarding()))
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @Order(2)
    void redirectsPlainHttpToHttps() throws Exception {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/api/system/status?x=1")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://localhost:" + httpsPort + "/api/system/status?x=1");
    }

    @Test
    @Order(3)
    void addsTheSecurityHeadersOnceAndOffersTheCaCertificate() throws Exception {
        HttpResponse<String> response = client.send(request("/arasul-ca.crt").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> api = client.send(authorized("/api/system/status").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readString(tls.resolve("ca.crt")));
        for (HttpResponse<String> each : List.of(response, api)) {
            assertThat(each.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000");
            assertThat(each.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(each.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
            assertThat(each.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(each.headers().firstValue("Server")).hasValue("nginx");
        }
    }

    @Test
    @Order(4)
    void upgradesTheLiveWebSocketThroughTheProxy() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = client.newWebSocketBuilder().subprotocols("bearer", token)
                .buildAsync(URI.create("wss://localhost:" + httpsPort + "/api/metrics/live-stream"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        assertThat(first.get(15, TimeUnit.SECONDS)).startsWith("{");
        socket.abort();
    }

    @Test
    @Order(5)
    void streamsServerSentEventsUnbuffered() throws Exception {
        HttpResponse<InputStream> response = client.send(authorized("/api/logs/stream?service=appliance").build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        // the first event arrives while the stream is still open: nothing held back by the proxy
        try (InputStream body = response.body()) {
            CompletableFuture<String> firstBytes = CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] buffer = new byte[64];
                    int read = body.read(buffer);
                    return new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(firstBytes.get(20, TimeUnit.SECONDS)).matches("(?s)(event:|data:|:).*");
        }
    }

    @Test
    @Order(6)
    void letsOnlyALoggedInAdminIntoTheN8nEditorAndStripsThePrefix() throws Exception {
        HttpResponse<String> anonymous = client.send(request("/n8n/rest/settings").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/?login=n8n"));
        assertThat(n8nPaths).doesNotContain("/rest/settings");

        HttpResponse<String> session = client.send(authorized("/api/auth/proxy-session")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(204);
        String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("arasul_proxy=").contains("Path=/n8n/", "HttpOnly", "Secure", "SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> admin = client.send(request("/n8n/rest/settings").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("n8n saw /rest/settings");
        HttpResponse<String> forged = client.send(request("/n8n/rest/settings").header("Cookie", "arasul_proxy=forged").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(302);

        HttpResponse<String> webhook = client.send(request("/n8n/webhook/order-intake").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.body()).isEqualTo("n8n saw /webhook/order-intake");
    }

    @Test
    @Order(7)
    void streamsALargeUpdatePackageThroughToTheAppliance() throws Exception {
        String boundary = "arasulProxyTest";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.araupdate\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long size = 48L * 1024 * 1024;   // well past the 10 MB every other route allows
        Path zeros = work.resolve("zeros.araupdate");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(zeros.toFile(), "rw")) {
            file.setLength(size);   // sparse: no 48 MB written to disk
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return new SequenceInputStream(new ByteArrayInputStream(head), new SequenceInputStream(
                        Files.newInputStream(zeros), new ByteArrayInputStream(tail)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), head.length + size + tail.length);

        HttpResponse<String> response = client.send(authorized("/api/update/upload").timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());

        // the appliance, not the proxy, read and judged the whole package (zeros are no update)
        assertThat(response.statusCode()).as(response.body()).isNotEqualTo(413).isLessThan(500);
        assertThat(response.body()).contains("\"file_name\":\"big.araupdate\"", "\"status\":\"REFUSED\"");
    }

    @Test
    @Order(10)
    void limitsLoginsToFiveAMinute() throws Exception {
        List<Integer> statuses = floodResponses(() -> request("/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody\",\"password\":\"wrong-Password-1\"}")), 8)
                .stream().map(HttpResponse::statusCode).toList();

        assertThat(statuses).contains(429).anyMatch(status -> status != 429);
    }

    @Test
    @Order(11)
    void limitsMetricsToTwentyASecond() throws Exception {
        assertThat(flood("GET", "/api/metrics/live", 200, "Authorization: Bearer " + token)).contains(200, 429);
    }

    @Test
    @Order(12)
    void limitsTheLlmToTenASecondAnsweringOpenAiRoutesInOpenAisShape() throws Exception {
        // no model behind the appliance here: what matters is who answers, the proxy's 429 or the appliance
        List<HttpResponse<String>> responses = floodResponses(() -> authorized("/v1/models"), 100);

        assertThat(responses).extracting(HttpResponse::statusCode).contains(429).anyMatch(status -> status != 429);
        assertThat(responses.stream().filter(response -> response.statusCode() == 429).map(HttpResponse::body))
                .allSatisfy(body -> assertThat(body).contains("\"code\":\"rate_limit_exceeded\"", "\"param\":null")
                        .doesNotContain("timestamp"));
    }

    @Test
    @Order(13)
    void limitsN8nWebhooksToAHundredAMinuteAnd429sInTheApiErrorShape() throws Exception {
        n8nPaths.clear();
        List<HttpResponse<String>> responses = floodResponses(() -> request("/n8n/webhook/flood?x=1"), 60);

        assertThat(responses).extracting(HttpResponse::statusCode).contains(200, 429);
        assertThat(n8nPaths).hasSize((int) responses.stream().filter(response -> response.statusCode() == 200).count());
        HttpResponse<String> refused = responses.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(refused.body()).contains("\"status\":429", "\"path\":\"/n8n/webhook/flood\"", "\"timestamp\"");
    }

    /**
     * {@code count} requests at once, sent by curl in parallel over HTTP/2: on a loaded machine the JDK
     * client alone cannot send faster than a 20/s limit refills, and then no limit would ever show.
     */
    private static List<Integer> flood(String method, String path, int count, String... headers) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--http2", "--parallel", "--parallel-immediate",
                "--parallel-max", "100", "--cacert", tls.resolve("ca.crt").toString(), "-X", method, "-o", "/dev/null",
                "-w", "%{http_code}\\n"));
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add("https://localhost:" + httpsPort + path + (path.contains("?") ? "&" : "?") + "n=[1-" + count + "]");
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return output.lines().map(String::strip).filter(line -> line.matches("\\d{3}")).map(Integer::valueOf).toList();
    }

    private static List<HttpResponse<String>> floodResponses(java.util.function.Supplier<HttpRequest.Builder> request, int count) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(client.sendAsync(request.get().build(), HttpResponse.BodyHandlers.ofString()));
        }
        return responses.stream().map(CompletableFuture::join).toList();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    /** The shipped template with the test's values in its ${ARASUL_...} placeholders, in a main config of its own. */
    private static Process startNginx(Map<String, String> values) throws Exception {
        String template = Files.readString(REPOSITORY.resolve("compose/reverse-proxy/arasul.conf.template"));
        for (Map.Entry<String, String> value : values.entrySet()) {
            template = template.replace("${" + value.getKey() + "}", value.getValue());
        }
        assertThat(template).doesNotContainPattern("\\$\\{ARASUL_[A-Z_]+}");
        Path prefix = Files.createDirectories(work.resolve("nginx"));
        Files.writeString(prefix.resolve("arasul.conf"), template);
        Files.writeString(prefix.resolve("nginx.conf"), """
                daemon off;
                # the TLS folder belongs to the UID of the container's nginx (101); here workers read it as root
                user root;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/arasul.conf;
                }
                """.formatted(prefix));
        return new ProcessBuilder("nginx", "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
    }

    /** On a loaded machine nginx can take a while to come up; it must not die meanwhile. */
    private static void awaitListening(Process process, int port) {
        Path prefix = work.resolve("nginx");
        await().atMost(Duration.ofMinutes(2)).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            assertThat(process.isAlive()).as("nginx exited: " + Files.readString(prefix.resolve("stdout.log"))
                    + Files.readString(prefix.resolve("error.log"))).isTrue();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                assertThat(socket.isConnected()).isTrue();
            }
        });
    }

    private static SSLContext trusting(Path caCertificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caCertificate)) {
            store.setCertificateEntry("arasul-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

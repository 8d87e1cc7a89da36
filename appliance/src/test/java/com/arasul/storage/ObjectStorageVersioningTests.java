package com.arasul.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.storage.internal.MinioObjectStorage;
import com.arasul.storage.internal.StorageMonitor;
import com.arasul.storage.internal.StorageTestAccess;
import com.robothy.s3.rest.LocalS3;
import io.minio.GetBucketVersioningArgs;
import io.minio.MinioClient;
import io.minio.SetBucketVersioningArgs;
import io.minio.messages.VersioningConfiguration;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconcile's versioning against a real S3 server that has it: LocalS3 (Netty, in memory, in the
 * test's JVM). S3Proxy, behind {@link ObjectStorageTests}, answers 501 for versioning. LocalS3 has no
 * bucket lifecycle API (no GetBucketLifecycleConfiguration / PutBucketLifecycleConfiguration), so a
 * lifecycle rule changed by hand cannot be put back against it: that stays checked on the configuration
 * objects in {@code BucketReconcilerTests}. LocalS3 also sends its error bodies without a Content-Type,
 * which MinIO's client refuses as "Non-XML response": {@link XmlErrors} in front of it adds the header,
 * and answers 501 NotImplemented for the lifecycle API LocalS3 lacks, as S3Proxy does, so the reconcile
 * reports it as not supported and does the rest.
 */
class ObjectStorageVersioningTests {

    private static final String ACCESS_KEY = "arasul-test";
    private static final String SECRET_KEY = "arasul-test-secret";
    private static final String REGION = "us-east-1";

    @TempDir
    Path temp;

    LocalS3 server;
    XmlErrors front;
    MinioObjectStorage storage;
    StorageMonitor monitor;
    MinioClient byHand;

    @BeforeEach
    void start() throws Exception {
        // LocalS3 reports the port it was given, not the one bound for port 0: ask the system for a free one
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = LocalS3.builder().port(port).build();
        server.start();
        front = new XmlErrors(port);
        String endpoint = "http://127.0.0.1:" + front.port();
        Path secret = Files.writeString(temp.resolve("secret-key"), SECRET_KEY + "\n");
        var properties = new StorageProperties(endpoint, null, ACCESS_KEY, null, null, secret.toString(), REGION,
                Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(10));
        storage = new MinioObjectStorage(properties);
        monitor = new StorageMonitor(storage, properties, Clock.systemUTC());
        byHand = MinioClient.builder().endpoint(endpoint).region(REGION).credentials(ACCESS_KEY, SECRET_KEY).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (byHand != null) {
            byHand.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (front != null) {
            front.close();
        }
        server.shutdown();
    }

    @Test
    void theReconcileTurnsVersioningOnForDocumentsWorkflowDataBackupsAndUpdates() throws Exception {
        StorageHealth health = monitor.check();
        assertThat(health.up()).as(health.detail()).isTrue();

        for (String bucket : new String[] {StorageBuckets.DOCUMENTS, StorageBuckets.WORKFLOW_DATA,
                StorageBuckets.BACKUPS, StorageBuckets.UPDATES}) {
            assertThat(versioningOf(bucket)).as(bucket).isEqualTo(VersioningConfiguration.Status.ENABLED);
        }
        for (String bucket : new String[] {StorageBuckets.LLM_CACHE, StorageBuckets.EMBEDDINGS_CACHE}) {
            assertThat(versioningOf(bucket)).as(bucket).isNotEqualTo(VersioningConfiguration.Status.ENABLED);
        }
        assertThat(monitor.lastReconcile().unsupported()).containsExactly("lifecycle (expiry) not supported by this server");
        assertThat(monitor.lastReconcile().warnings()).isEmpty();
        // versioning already on is left alone the second time
        assertThat(StorageTestAccess.reconcile(storage).changes()).isEmpty();
    }

    @Test
    void versioningSuspendedByHandIsPutBackOnTheNextReconcileAndReportedAsAWarning() throws Exception {
        monitor.check();
        byHand.setBucketVersioning(SetBucketVersioningArgs.builder().bucket(StorageBuckets.BACKUPS)
                .config(new VersioningConfiguration(VersioningConfiguration.Status.SUSPENDED, null, null, null)).build());
        assertThat(versioningOf(StorageBuckets.BACKUPS)).isEqualTo(VersioningConfiguration.Status.SUSPENDED);

        var again = StorageTestAccess.reconcile(storage);

        assertThat(versioningOf(StorageBuckets.BACKUPS)).isEqualTo(VersioningConfiguration.Status.ENABLED);
        assertThat(again.warnings()).containsExactly("Bucket backups had versioning suspended; it is enabled again.");
        assertThat(again.changes()).isEmpty();
    }

    private VersioningConfiguration.Status versioningOf(String bucket) throws Exception {
        return byHand.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build()).status();
    }

    /** A forwarding front for LocalS3: adds the XML Content-Type its error bodies lack, and 501 for lifecycle. */
    static final class XmlErrors implements AutoCloseable {

        private static final java.util.Set<String> NOT_FORWARDED = java.util.Set.of("host", "connection",
                "content-length", "expect", "upgrade", "transfer-encoding");
        private final com.sun.net.httpserver.HttpServer http;
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);

        XmlErrors(int target) throws java.io.IOException {
            http = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 16);
            http.setExecutor(threads);
            http.createContext("/", exchange -> {
                try (exchange) {
                    String query = exchange.getRequestURI().getRawQuery();
                    if (query != null && java.util.Arrays.asList(query.split("&")).stream()
                            .anyMatch(p -> p.equals("lifecycle") || p.startsWith("lifecycle="))) {
                        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NotImplemented</Code>"
                                + "<Message>LocalS3 has no bucket lifecycle API</Message></Error>").getBytes();
                        exchange.getResponseHeaders().set("Content-Type", "application/xml");
                        exchange.sendResponseHeaders(501, body.length);
                        exchange.getResponseBody().write(body);
                        return;
                    }
                    byte[] in = exchange.getRequestBody().readAllBytes();
                    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + target
                            + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query)))
                            .timeout(Duration.ofSeconds(10))
                            .method(exchange.getRequestMethod(), in.length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                    : java.net.http.HttpRequest.BodyPublishers.ofByteArray(in));
                    exchange.getRequestHeaders().forEach((name, values) -> {
                        if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                            values.forEach(value -> request.header(name, value));
                        }
                    });
                    var response = client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    response.headers().map().forEach((name, values) -> {
                        if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                            exchange.getResponseHeaders().put(name, values);
                        }
                    });
                    byte[] out = response.body();
                    if (response.statusCode() >= 300 && response.headers().firstValue("Content-Type").isEmpty()) {
                        exchange.getResponseHeaders().set("Content-Type", "application/xml");
                    }
                    boolean empty = out.length == 0 || exchange.getRequestMethod().equals("HEAD");
                    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : out.length);
                    if (!empty) {
                        exchange.getResponseBody().write(out);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            threads.shutdownNow();
            client.close();
        }
    }
}

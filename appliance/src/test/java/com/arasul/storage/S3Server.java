package com.arasul.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server in the test's JVM: S3Proxy over jclouds' file system store. It speaks the S3 REST
 * API with signature V4 for buckets and objects, but answers 501 NotImplemented for bucket lifecycle
 * and versioning: the reconcile must report those as "not supported by this
 * server" and still do the rest. It has no {@code /minio/health/live}, which the probe must tolerate.
 * It can be stopped and started again on the same port, with the same files behind it.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "arasul-test";
    public static final String SECRET_KEY = "arasul-test-secret";

    private final Path folder;
    private final BlobStoreContext context;
    private S3Proxy proxy;
    private int port;

    public S3Server(Path folder) {
        this.folder = folder;
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        this.context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
    }

    public S3Server start() throws Exception {
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                // MinIO's client sends an x-amz-checksum-crc32c header S3Proxy does not check
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        org.awaitility.Awaitility.await().until(() -> proxy.getState().equals("STARTED"));
        port = proxy.getPort();
        return this;
    }

    public void stop() throws Exception {
        proxy.stop();
    }

    /** The region the server makes buckets in: jclouds' file system store knows only its own location. */
    public String region() {
        return context.getBlobStore().listAssignableLocations().stream().findFirst().map(l -> l.getId()).orElse("us-east-1");
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        context.close();
    }
}

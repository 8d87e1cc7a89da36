package com.arasul.storage.internal;

import com.arasul.storage.BucketState;
import com.arasul.storage.ObjectStorage;
import com.arasul.storage.StorageHealth;
import com.arasul.storage.StorageProperties;
import io.minio.GetBucketLifecycleArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.UploadObjectArgs;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.minio.messages.LifecycleConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The MinIO client with a time limit on every call (connect, read, write and the whole call), and the
 * health probe: MinIO's liveness endpoint and a bucket listing.
 */
public final class MinioObjectStorage implements ObjectStorage, AutoCloseable {

    private static final int COUNT_LIMIT = 100_000;

    private final StorageProperties properties;
    private final OkHttpClient http;
    private final MinioClient client;
    private volatile StorageHealth health;

    public MinioObjectStorage(StorageProperties properties) {
        this.properties = properties;
        this.health = properties.configured()
                ? new StorageHealth(StorageHealth.DOWN, "The object storage has not been looked at yet.", java.time.Instant.now())
                : new StorageHealth(StorageHealth.NOT_CONFIGURED, StorageHealth.NOT_CONFIGURED_SENTENCE, java.time.Instant.now());
        if (properties.configured()) {
            long millis = properties.callTimeout().toMillis();
            this.http = new OkHttpClient.Builder()
                    .connectTimeout(millis, TimeUnit.MILLISECONDS)
                    .readTimeout(millis, TimeUnit.MILLISECONDS)
                    .writeTimeout(millis, TimeUnit.MILLISECONDS)
                    .retryOnConnectionFailure(false)
                    .build();
            this.client = MinioClient.builder().endpoint(properties.resolvedEndpoint())
                    .credentials(properties.resolvedAccessKey(), properties.resolvedSecretKey())
                    .region(properties.region())
                    .httpClient(http, false)
                    .build();
        } else {
            this.http = null;
            this.client = null;
        }
    }

    MinioClient client() {
        return client;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public StorageHealth health() {
        return health;
    }

    void health(StorageHealth health) {
        this.health = health;
    }

    /** Looks at the storage now: an answer from the liveness endpoint and a bucket listing. */
    String probe() {
        String live = properties.resolvedEndpoint().replaceAll("/+$", "") + "/minio/health/live";
        try (Response response = http.newCall(new Request.Builder().url(live).get().build()).execute()) {
            if (response.code() >= 500) {
                return "its liveness check answered " + response.code();
            }
        } catch (IOException e) {
            return "it does not answer at " + properties.resolvedEndpoint() + " (" + reason(e) + ")";
        }
        try {
            client.listBuckets();
            return null;
        } catch (MinioException e) {
            return "it answers but cannot list its buckets (" + reason(e) + ")";
        }
    }

    BucketReconciler.Outcome reconcile() throws MinioException {
        return new BucketReconciler(client).reconcile(BucketSpec.ALL);
    }

    /** Each bucket with its objects, bytes and settings; a setting the server cannot tell is said so. */
    List<BucketState> buckets() {
        List<BucketState> states = new ArrayList<>();
        for (BucketSpec spec : BucketSpec.ALL) {
            states.add(bucket(spec.name()));
        }
        return states;
    }

    private BucketState bucket(String name) {
        try {
            if (!client.bucketExists(io.minio.BucketExistsArgs.builder().bucket(name).build())) {
                return new BucketState(name, false, null, null, null, null, null, null);
            }
        } catch (MinioException e) {
            throw unavailable(e);
        }
        long objects = 0;
        long bytes = 0;
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(name).recursive(true).build())) {
                if (objects == COUNT_LIMIT) {
                    break;
                }
                Item item = result.get();
                objects++;
                bytes += item.size();
            }
        } catch (MinioException | RuntimeException e) {
            throw unavailable(e);
        }
        return new BucketState(name, true, objects, bytes, objects == COUNT_LIMIT ? Boolean.TRUE : null,
                setting(() -> versioningOf(name)), setting(() -> lifecycleOf(name)),
                setting(() -> BucketReconciler.policyOf(client, name).isEmpty() ? "private" : "has an access policy"));
    }

    private String versioningOf(String name) throws MinioException {
        var status = client.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(name).build()).status();
        return status == null ? "off" : status.name().toLowerCase(Locale.ROOT);
    }

    private String lifecycleOf(String name) throws MinioException {
        LifecycleConfiguration lifecycle = client.getBucketLifecycle(GetBucketLifecycleArgs.builder().bucket(name).build());
        if (lifecycle == null || lifecycle.rules() == null || lifecycle.rules().isEmpty()) {
            return "kept";
        }
        for (BucketSpec spec : BucketSpec.ALL) {
            if (spec.name().equals(name) && spec.expiryDays() > 0 && BucketReconciler.matches(lifecycle, spec)) {
                return spec.lifecycleText();
            }
        }
        return "a rule set by hand";
    }

    private interface Setting {
        String read() throws MinioException;
    }

    private static String setting(Setting setting) {
        try {
            return setting.read();
        } catch (MinioException e) {
            return BucketReconciler.notImplemented(e) ? "not supported by this server" : "unknown (" + reason(e) + ")";
        }
    }

    @Override
    public void put(String bucket, String key, Path file, String contentType) {
        requireConfigured();
        try {
            client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key).filename(file.toString())
                    .contentType(contentType).build());
        } catch (MinioException e) {
            throw unavailable(e);
        }
    }

    @Override
    public InputStream get(String bucket, String key) {
        requireConfigured();
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<StoredObject> list(String bucket, String prefix) {
        requireConfigured();
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                Item item = result.get();
                objects.add(new StoredObject(item.objectName(), item.size(), item.lastModified().toInstant()));
            }
        } catch (MinioException | RuntimeException e) {
            // the listing's iterator wraps a failed request in a bare RuntimeException
            throw unavailable(e);
        }
        objects.sort(Comparator.comparing(StoredObject::lastModified));
        return objects;
    }

    @Override
    public void remove(String bucket, String key) {
        requireConfigured();
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (MinioException e) {
            throw unavailable(e);
        }
    }

    private void requireConfigured() {
        if (client == null) {
            throw new StorageUnavailable(StorageHealth.NOT_CONFIGURED_SENTENCE, null);
        }
    }

    private static StorageUnavailable unavailable(Exception e) {
        return new StorageUnavailable("The object storage could not be used: " + reason(e) + ".", e);
    }

    static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    @Override
    public void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}

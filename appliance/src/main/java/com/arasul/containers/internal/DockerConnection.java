package com.arasul.containers.internal;

import com.arasul.containers.ContainersProperties;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The clients to one Docker daemon, all with timeouts: ordinary calls, {@code docker load} (which
 * answers only when the image is in), and streams (events, followed logs), which may be silent
 * for hours and so have no response timeout; a hung daemon is caught by the state poll instead.
 * The API version is negotiated on first use and again after the daemon was away, since it may
 * have come back upgraded.
 */
public final class DockerConnection implements AutoCloseable {

    private static final int STREAM_CONNECTIONS = 12;
    private static final int LOAD_CONNECTIONS = 2;

    private final String host;
    private final DockerHttpClient ordinaryHttp;
    private final DockerHttpClient loadHttp;
    private final DockerHttpClient streamHttp;
    private volatile Clients clients;

    public DockerConnection(ContainersProperties properties) {
        this.host = properties.host();
        this.ordinaryHttp = http(properties, properties.responseTimeout(), properties.maxConnections());
        this.loadHttp = http(properties, properties.loadTimeout(), LOAD_CONNECTIONS);
        this.streamHttp = http(properties, Duration.ZERO, STREAM_CONNECTIONS);
    }

    /** The client for ordinary calls. */
    public DockerClient client() {
        return clients().ordinary();
    }

    /** The client for {@code docker load}. */
    public DockerClient loadClient() {
        return clients().load();
    }

    /** The client for long-lived streams. */
    public DockerClient streamClient() {
        return clients().stream();
    }

    /** The negotiated API version, negotiating now if needed. */
    public String apiVersion() {
        return clients().apiVersion().getVersion();
    }

    public String host() {
        return host;
    }

    /** The daemon went away: negotiate again when it is back. */
    public void forget() {
        clients = null;
    }

    private Clients clients() {
        Clients current = clients;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (clients == null) {
                RemoteApiVersion version;
                try {
                    version = ApiVersionNegotiator.negotiate(ordinaryHttp);
                } catch (RuntimeException e) {
                    throw new DockerUnavailableException("Docker at " + host + " does not answer: " + e.getMessage(), e);
                }
                var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                        .withDockerHost(host)
                        .withApiVersion(version)
                        .build();
                clients = new Clients(version,
                        DockerClientImpl.getInstance(config, ordinaryHttp),
                        DockerClientImpl.getInstance(config, loadHttp),
                        DockerClientImpl.getInstance(config, streamHttp));
            }
            return clients;
        }
    }

    private static DockerHttpClient http(ContainersProperties properties, Duration responseTimeout, int connections) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(properties.host()))
                .connectionTimeout(properties.connectTimeout())
                .responseTimeout(responseTimeout)
                .maxConnections(connections)
                .build();
    }

    @Override
    public void close() throws IOException {
        ordinaryHttp.close();
        loadHttp.close();
        streamHttp.close();
    }

    private record Clients(RemoteApiVersion apiVersion, DockerClient ordinary, DockerClient load, DockerClient stream) {
    }
}

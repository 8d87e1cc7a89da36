package com.arasul.containers.internal;

import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the daemon which API it speaks ({@code GET /version} on the unversioned path) and picks
 * that version, capped at the newest docker-java knows. A fixed version would break either old
 * engines (20.10 speaks 1.41) or new ones (29 and later refuse anything below 1.44).
 */
public final class ApiVersionNegotiator {

    /** The newest API version docker-java 3.7 has models for. */
    public static final RemoteApiVersion HIGHEST_SUPPORTED = RemoteApiVersion.VERSION_1_44;

    private static final Pattern API_VERSION = Pattern.compile("\"ApiVersion\"\\s*:\\s*\"(\\d+)\\.(\\d+)\"");
    private static final int MAX_BODY = 64 * 1024;

    private ApiVersionNegotiator() {
    }

    public static RemoteApiVersion negotiate(DockerHttpClient http) {
        var request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/version")
                .build();
        try (var response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                throw new DockerUnavailableException("the daemon answered /version with HTTP " + response.getStatusCode());
            }
            byte[] body = response.getBody().readNBytes(MAX_BODY);
            return choose(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's /version", e);
        }
    }

    /** The server's ApiVersion from a {@code /version} body, capped at {@link #HIGHEST_SUPPORTED}. */
    static RemoteApiVersion choose(String versionJson) {
        Matcher m = API_VERSION.matcher(versionJson);
        if (!m.find()) {
            throw new DockerUnavailableException("the daemon's /version names no ApiVersion");
        }
        var server = RemoteApiVersion.create(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return server.isGreater(HIGHEST_SUPPORTED) ? HIGHEST_SUPPORTED : server;
    }
}

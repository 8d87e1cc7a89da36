package com.arasul.e2e.dashboard;

import com.arasul.e2e.ApplianceJar;
import com.arasul.e2e.ApplianceProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged appliance a browser test runs against, started as {@code scripts/arasul run} starts it
 * on a data folder of its own, with a known admin password. It can be restarted on the same folder
 * (same port), so a test can watch the dashboard reconnect.
 */
public final class DashboardAppliance implements AutoCloseable {

    public static final String PASSWORD = "E2e-Dashboard-Pass-1!";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every test logs in through the form from 127.0.0.1: the login limit (5 in 15 min) would stop the third. */
    private static final List<String> JAVA_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-Darasul.security.rate-limits.login.requests=1000", "-Darasul.security.rate-limits.api.requests=100000");

    private final Path work;
    private final String name;
    private final Map<String, String> env;
    private final List<Browser> browsers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private ApplianceProcess process;

    private DashboardAppliance(Path work, String name, Map<String, String> env, ApplianceProcess process) {
        this.work = work;
        this.name = name;
        this.env = env;
        this.process = process;
    }

    /** Starts the appliance with these environment variables besides the admin password (e.g. ARASUL_LLM_URL). */
    static DashboardAppliance start(Path work, String name, Map<String, String> env) throws InterruptedException {
        return new DashboardAppliance(work, name, env, launch(work, env, null));
    }

    private static ApplianceProcess launch(Path work, Map<String, String> extra, Integer port) throws InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("ARASUL_ADMIN_PASSWORD", PASSWORD);
        if (port != null) {
            env.put("SERVER_PORT", port.toString());
        }
        ApplianceProcess process = ApplianceProcess.start(ApplianceJar.locate(), JAVA_OPTIONS, env, work);
        process.awaitReady(Duration.ofMinutes(4));
        return process;
    }

    public ApplianceProcess process() {
        return process;
    }

    public String base() {
        String uri = process.uri("").toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    public int port() {
        return process.uri("").getPort();
    }

    /** A fresh headless Chromium preferring {@code language}, closed with the appliance at the latest. */
    public Browser browser(String language) {
        return track(Browser.open(base(), language));
    }

    /** A phone-sized browser (mobile emulation). */
    public Browser phone(String language, int width, int height) {
        return track(Browser.open(base(), language, width, height, true));
    }

    /** Screenshots of every open browser, e.g. when a test failed. */
    void screenshotAll(String name) {
        synchronized (browsers) {
            for (int i = 0; i < browsers.size(); i++) {
                try {
                    browsers.get(i).screenshot(name + "-" + i);
                } catch (RuntimeException e) {
                    // a closed browser has nothing to show
                }
            }
        }
    }

    private Browser track(Browser browser) {
        synchronized (browsers) {
            browsers.add(browser);
        }
        return browser;
    }

    /** Stops the appliance (SIGTERM) and starts it again on the same data folder and port. */
    public void restart() throws InterruptedException {
        int port = port();
        process.terminate(Duration.ofSeconds(15));
        process.close();
        process = launch(work, env, port);
    }

    /** A token for API calls the test makes beside the browser. */
    public String token() throws IOException, InterruptedException {
        JsonNode answer = call("POST", "/api/auth/login", Map.of("username", "admin", "password", PASSWORD), null);
        return answer.get("token").asString();
    }

    /** One JSON call; fails on anything but 2xx. */
    public JsonNode call(String method, String path, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(process.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body instanceof String text) {
            request.header("Content-Type", "text/plain").method(method, HttpRequest.BodyPublishers.ofString(text));
        } else if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws Exception {
        synchronized (browsers) {
            browsers.forEach(Browser::close);
            browsers.clear();
        }
        process.close();
        http.close();
        try (var paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a work folder left in /tmp is harmless
        }
    }
}

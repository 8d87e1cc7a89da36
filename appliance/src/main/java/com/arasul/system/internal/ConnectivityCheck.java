package com.arasul.system.internal;

import com.arasul.system.NetworkInfo;
import com.arasul.system.SystemProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Internet reachability, probed in the background by a TCP connect to each configured target and
 * kept until the next probe, so that a request never waits on the network. Without targets it
 * sends nothing and says so.
 */
@Component
public class ConnectivityCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectivityCheck.class);

    private final SystemProperties properties;
    private volatile NetworkInfo.Internet last;
    private ScheduledExecutorService executor;

    public ConnectivityCheck(SystemProperties properties) {
        this.properties = properties;
        this.last = properties.connectivityTargets().isEmpty()
                ? new NetworkInfo.Internet("unknown", "Reachability is not checked: no targets are configured"
                        + " (arasul.system.connectivity-targets).", null, List.of())
                : new NetworkInfo.Internet("unknown", "Not checked yet: the first check is running.", null, List.of());
    }

    /** The result of the last probe; returns at once. */
    public NetworkInfo.Internet current() {
        return last;
    }

    /** Probes every target now, on the caller's thread; each connect is bounded by the timeout. */
    public NetworkInfo.Internet checkNow() {
        List<String> targets = properties.connectivityTargets();
        if (targets.isEmpty()) {
            return last;
        }
        List<NetworkInfo.Target> results = new ArrayList<>();
        for (String target : targets) {
            results.add(probe(target, properties.connectivityTimeout()));
        }
        long reachable = results.stream().filter(NetworkInfo.Target::reachable).count();
        String timeout = properties.connectivityTimeout().toMillis() + " ms";
        NetworkInfo.Internet result = reachable > 0
                ? new NetworkInfo.Internet("reachable", "%d of %d targets answered.".formatted(reachable,
                        results.size()), Instant.now(), List.copyOf(results))
                : new NetworkInfo.Internet("unreachable", "None of the %d targets answered within %s: the box seems"
                        .formatted(results.size(), timeout) + " to be offline.", Instant.now(), List.copyOf(results));
        if (!result.status().equals(last.status())) {
            log.info("Internet is now {}: {}", result.status(), result.reason());
        }
        last = result;
        return result;
    }

    static NetworkInfo.Target probe(String target, Duration timeout) {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(target.substring(colon + 1));
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return new NetworkInfo.Target(target, true, (System.nanoTime() - started) / 1_000_000, null);
        } catch (IOException | IllegalArgumentException e) {
            return new NetworkInfo.Target(target, false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (properties.connectivityTargets().isEmpty() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("arasul-connectivity").factory());
        executor.scheduleWithFixedDelay(this::checkQuietly, 0, properties.connectivityInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            log.warn("The connectivity check failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

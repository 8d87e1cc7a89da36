package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricNames;
import java.util.List;
import java.util.Map;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * Bytes per second received and sent over the physical interfaces, from the deltas of the kernel's counters.
 * Container plumbing (veth, bridges) is left out, or every container byte would count twice. The first sample,
 * and one after a counter reset or a changed set of interfaces, has no rate.
 */
final class NetworkThroughput {

    private static final List<String> VIRTUAL = List.of("lo", "veth", "docker", "br-", "virbr", "cni", "flannel");
    /** Interfaces come and go (USB tethering, Wi-Fi): look again every so many samples. */
    private static final int REDISCOVER_EVERY = 300;

    private final HardwareAbstractionLayer hardware;
    private List<NetworkIF> interfaces;
    private int samplesSinceDiscovery;
    private long previousRx = -1;
    private long previousTx = -1;
    private long previousNanos;

    NetworkThroughput(HardwareAbstractionLayer hardware) {
        this.hardware = hardware;
        discover();
    }

    private void discover() {
        interfaces = hardware.getNetworkIFs(false).stream()
                .filter(nif -> VIRTUAL.stream().noneMatch(nif.getName()::startsWith))
                .toList();
        samplesSinceDiscovery = 0;
        previousRx = -1;
        previousTx = -1;
    }

    void read(Map<String, Double> values) {
        if (++samplesSinceDiscovery > REDISCOVER_EVERY) {
            discover();
        }
        long rx = 0;
        long tx = 0;
        for (NetworkIF nif : interfaces) {
            nif.updateAttributes();
            rx += nif.getBytesRecv();
            tx += nif.getBytesSent();
        }
        long now = System.nanoTime();
        if (previousRx >= 0 && rx >= previousRx && tx >= previousTx && now > previousNanos) {
            double seconds = (now - previousNanos) / 1e9;
            values.put(MetricNames.NET_RX_BYTES_PER_SECOND, (rx - previousRx) / seconds);
            values.put(MetricNames.NET_TX_BYTES_PER_SECOND, (tx - previousTx) / seconds);
        }
        previousRx = rx;
        previousTx = tx;
        previousNanos = now;
    }
}

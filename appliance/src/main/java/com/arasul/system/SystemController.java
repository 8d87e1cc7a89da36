package com.arasul.system;

import com.arasul.system.internal.ConnectivityCheck;
import com.arasul.system.internal.Hostname;
import com.arasul.system.internal.NetworkAddresses;
import com.arasul.system.internal.StatusEvaluator;
import com.arasul.system.internal.SystemInfoReader;
import com.arasul.telemetry.LiveMetrics;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The box at a glance: status with reasons, what it runs, how it is connected. None of it waits on the network. */
@RestController
@RequestMapping("/api/system")
class SystemController {

    private final ObjectProvider<LiveMetrics> liveMetrics;
    private final StatusEvaluator status;
    private final SystemInfoReader info;
    private final NetworkAddresses addresses;
    private final ConnectivityCheck connectivity;
    private final Hostname hostname;
    private final ObjectProvider<StatusContributor> contributors;

    SystemController(ObjectProvider<LiveMetrics> liveMetrics, SystemProperties properties, SystemInfoReader info,
            NetworkAddresses addresses, ConnectivityCheck connectivity, Hostname hostname,
            ObjectProvider<StatusContributor> contributors) {
        this.contributors = contributors;
        this.liveMetrics = liveMetrics;
        this.status = new StatusEvaluator(properties);
        this.info = info;
        this.addresses = addresses;
        this.connectivity = connectivity;
        this.hostname = hostname;
    }

    @GetMapping("/status")
    SystemStatus status() {
        // without a telemetry capability there is no sample, which the status says
        LiveMetrics metrics = liveMetrics.getIfAvailable();
        Instant now = Instant.now();
        return status.with(status.evaluate(metrics == null ? Optional.empty() : metrics.latest(), now),
                contributors.orderedStream().flatMap(c -> c.reasons(now).stream()).toList());
    }

    @GetMapping("/info")
    SystemInfo info() {
        return info.read();
    }

    @GetMapping("/network")
    NetworkInfo network() {
        return new NetworkInfo(Instant.now(), hostname.current(), hostname.mdnsName(), addresses.current(),
                connectivity.current());
    }
}

package com.arasul.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * How the box can be reached and whether it reaches the internet.
 *
 * @param interfaces the interfaces that are up, loopback only when there is no other
 * @param mdnsName the name it answers to on the local network, {@code <hostname>.local}
 */
public record NetworkInfo(
        Instant timestamp,
        String hostname,
        @JsonProperty("mdns_name") String mdnsName,
        List<Interface> interfaces,
        Internet internet) {

    public record Interface(String name, List<Address> addresses) {
    }

    /** @param family {@code IPv4} or {@code IPv6} */
    public record Address(String address, String family) {
    }

    /**
     * The last background check, never one made for the request.
     *
     * @param status {@code reachable}, {@code unreachable} or {@code unknown}
     * @param reason a sentence for the owner
     * @param checkedAt when the targets were last probed; null before the first probe
     */
    public record Internet(String status, String reason, @JsonProperty("checked_at") Instant checkedAt,
            List<Target> targets) {
    }

    /** @param error why it could not be reached; null when it could */
    public record Target(String target, boolean reachable, @JsonProperty("latency_ms") Long latencyMs,
            String error) {
    }
}

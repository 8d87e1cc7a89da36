package com.arasul.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the box is and runs.
 *
 * @param version the appliance's version, "unknown" when built without build-info
 * @param gitCommit the abbreviated commit it was built from, "unknown" without git.properties
 * @param jetson L4T and JetPack on a Jetson, null elsewhere
 */
public record SystemInfo(
        Instant timestamp,
        String version,
        @JsonProperty("git_commit") String gitCommit,
        Os os,
        Jetson jetson,
        @JsonProperty("jvm_uptime_seconds") long jvmUptimeSeconds,
        @JsonProperty("host_uptime_seconds") long hostUptimeSeconds,
        String hostname) {

    public record Os(String name, String version, String arch, String kernel) {
    }

    public record Jetson(String l4t, String jetpack, String board) {
    }
}

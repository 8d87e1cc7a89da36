package com.arasul.system.internal;

import com.arasul.system.SystemInfo;
import com.arasul.system.SystemProperties;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Component;
import oshi.software.os.OperatingSystem;

/** Version, platform and uptimes; nothing here touches the network. */
@Component
public class SystemInfoReader {

    private static final String UNKNOWN = "unknown";

    private final SystemProperties properties;
    private final ObjectProvider<BuildProperties> build;
    private final ObjectProvider<GitProperties> git;
    private final Hostname hostname;
    private volatile OperatingSystem os;

    SystemInfoReader(SystemProperties properties, ObjectProvider<BuildProperties> build,
            ObjectProvider<GitProperties> git, Hostname hostname) {
        this.properties = properties;
        this.build = build;
        this.git = git;
        this.hostname = hostname;
    }

    public SystemInfo read() {
        OperatingSystem system = operatingSystem();
        var versionInfo = system.getVersionInfo();
        var osInfo = new SystemInfo.Os(system.getFamily(), join(versionInfo.getVersion(), versionInfo.getCodeName()),
                System.getProperty("os.arch"), versionInfo.getBuildNumber());
        SystemInfo.Jetson jetson = JetsonRelease.read(properties.etcRoot())
                .map(r -> new SystemInfo.Jetson(r.l4t(), r.jetpack(), r.board()))
                .orElse(null);
        String version = build.stream().findFirst().map(BuildProperties::getVersion).orElse(UNKNOWN);
        String commit = git.stream().findFirst().map(GitProperties::getShortCommitId).orElse(UNKNOWN);
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new SystemInfo(Instant.now(), version, commit == null ? UNKNOWN : commit, osInfo, jetson, jvmUptime,
                system.getSystemUptime(), hostname.current());
    }

    /** OSHI's first call reads a good part of /proc; do it once, when first asked. */
    private OperatingSystem operatingSystem() {
        OperatingSystem current = os;
        if (current == null) {
            current = new oshi.SystemInfo().getOperatingSystem();
            os = current;
        }
        return current;
    }

    private static String join(String version, String codeName) {
        if (version == null || version.isBlank()) {
            return UNKNOWN;
        }
        return codeName == null || codeName.isBlank() ? version : version + " (" + codeName + ")";
    }
}

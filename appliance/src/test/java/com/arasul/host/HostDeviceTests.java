package com.arasul.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which device the appliance is on, from the files the NVIDIA software leaves behind. */
class HostDeviceTests {

    @TempDir
    Path root;

    @Test
    void isAJetsonWhenTheTegraReleaseFileExists() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/nv_tegra_release"),
                "# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n");
        Files.createDirectories(root.resolve("proc/driver/nvidia"));
        Files.writeString(root.resolve("proc/driver/nvidia/version"), "NVRM version: NVIDIA UNIX Open Kernel Module\n");

        assertThat(device(Map.of()).platform()).isEqualTo(HostPlatform.JETSON);
    }

    @Test
    void isADgpuBoxWhenTheNvidiaDriverIsLoaded() throws IOException {
        Files.createDirectories(root.resolve("proc/driver/nvidia"));
        Files.writeString(root.resolve("proc/driver/nvidia/version"),
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.120  Fri Sep 13 10:10:01 UTC 2024\n");

        assertThat(device(Map.of()).platform()).isEqualTo(HostPlatform.DGPU);
    }

    @Test
    void hasNoGpuWhenNeitherFileExists() {
        assertThat(device(Map.of()).platform()).isEqualTo(HostPlatform.NONE);
    }

    @Test
    void canBeToldWhichDeviceItIs() {
        assertThat(device(Map.of("arasul.host.platform", "jetson")).platform()).isEqualTo(HostPlatform.JETSON);
    }

    private HostDevice device(Map<String, String> settings) {
        var all = new java.util.HashMap<>(settings);
        all.put("arasul.host.etc-root", root.resolve("etc").toString());
        all.put("arasul.host.proc-root", root.resolve("proc").toString());
        return new HostDevice(HostTestProperties.bind(all));
    }
}

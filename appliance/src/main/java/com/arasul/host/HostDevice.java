package com.arasul.host;

import com.arasul.host.internal.HostProperties;
import com.arasul.host.internal.PlatformDetection;
import org.springframework.stereotype.Component;

/** The device the appliance runs on, detected once at start ({@code arasul.host.platform} may force it). */
@Component
public class HostDevice {

    private final HostPlatform platform;

    public HostDevice(HostProperties properties) {
        this.platform = PlatformDetection.detect(properties);
    }

    public HostPlatform platform() {
        return platform;
    }
}

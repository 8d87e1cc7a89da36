package com.arasul.healing.internal;

import com.arasul.host.GpuControl;
import com.arasul.host.HostDevice;
import com.arasul.host.HostPlatform;
import com.arasul.host.JetsonPower;
import com.arasul.platform.ActionOutcome;

/** The GPU side of healing: throttle a hot module, reset a hung GPU (a Jetson's by restarting the LLM service). */
public class HostHealing {

    private final HostDevice device;
    private final GpuControl gpu;
    private final JetsonPower power;
    private final DockerHealing docker;
    private final String llmService;

    public HostHealing(HostDevice device, GpuControl gpu, JetsonPower power, DockerHealing docker, String llmService) {
        this.device = device;
        this.gpu = gpu;
        this.power = power;
        this.docker = docker;
        this.llmService = llmService;
    }

    public ActionOutcome throttle() {
        return power.throttle();
    }

    public ActionOutcome resetGpu() {
        if (device.platform() == HostPlatform.JETSON) {
            ActionOutcome restarted = docker.restart(llmService);
            return new ActionOutcome(restarted.success(), "A Jetson's GPU cannot be reset alone; "
                    + restarted.message(), restarted.duration());
        }
        return gpu.resetGpu();
    }
}

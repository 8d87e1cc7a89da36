package com.arasul.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
import com.arasul.ai.AiServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The AI and host adapters come up in the whole appliance with their defaults bound. */
@ApplianceTest
// pinned, so that an environment with reboots switched on can never make this test reboot the machine
@TestPropertySource(properties = "arasul.healing.reboot-enabled=false")
class AdapterWiringTests {

    @Autowired
    AiServices ai;

    @Autowired
    HostDevice device;

    @Autowired
    GpuControl gpu;

    @Autowired
    JetsonPower jetson;

    @Autowired
    HostReboot reboot;

    @Test
    void offersBothAiServicesAndTheHostCommands() {
        assertThat(ai.llm().name()).isEqualTo("llm-service");
        assertThat(ai.embeddings().name()).isEqualTo("embedding-service");
        assertThat(device.platform()).isNotNull();
        assertThat(gpu).isNotNull();
        assertThat(jetson).isNotNull();
    }

    @Test
    void refusesToRebootWhileRebootsAreOff() {
        assertThat(reboot.reboot("wiring test").success()).isFalse();
    }
}

package com.arasul.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.arasul.system.internal.ConnectivityCheck;
import com.arasul.system.internal.Hostname;
import com.arasul.system.internal.NetworkAddresses;
import com.arasul.system.internal.SystemInfoReader;
import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP side of the system capability; authentication is checked where the security chain is tested. */
@WebMvcTest(SystemController.class)
@AutoConfigureMockMvc(addFilters = false)
@ImportAutoConfiguration(ProjectInfoAutoConfiguration.class)
@Import({SystemInfoReader.class, NetworkAddresses.class, ConnectivityCheck.class, Hostname.class,
        SystemControllerTests.Samples.class})
@TestPropertySource(properties = "arasul.system.etc-root=src/test/resources/jetson/etc")
class SystemControllerTests {

    private static final String ISO_INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @Autowired
    MockMvc mvc;

    @Autowired
    Samples samples;

    @BeforeEach
    void noSampleYet() {
        samples.newest.set(null);
    }

    @Test
    void warnsThatThereIsNoSampleYet() throws Exception {
        mvc.perform(get("/api/system/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(Matchers.matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.reasons[0]").value(Matchers.startsWith("No sample yet")));
    }

    @Test
    void judgesTheNewestSample() throws Exception {
        samples.newest.set(new MetricSample(Instant.now(), Map.of(MetricNames.diskPercent("/"), 96.0,
                MetricNames.RAM_PERCENT, 40.0, MetricNames.TEMPERATURE_MAX_CELSIUS, 50.0)));
        mvc.perform(get("/api/system/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CRITICAL"))
                .andExpect(jsonPath("$.reasons[0]").value("Disk / is 96.0 % full: writing may fail soon; free space now."))
                .andExpect(jsonPath("$.sampled_at").value(Matchers.matchesPattern(ISO_INSTANT)));
    }

    @Test
    void tellsVersionCommitPlatformAndJetPack() throws Exception {
        mvc.perform(get("/api/system/info"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(Matchers.matchesPattern(ISO_INSTANT)))
                // from META-INF/build-info.properties, written by the build
                .andExpect(jsonPath("$.version").value("0.1.0"))
                .andExpect(jsonPath("$.git_commit").isString())
                .andExpect(jsonPath("$.os.name").isString())
                .andExpect(jsonPath("$.os.arch").value(System.getProperty("os.arch")))
                .andExpect(jsonPath("$.jetson.l4t").value("36.4.3"))
                .andExpect(jsonPath("$.jetson.jetpack").value("6.2"))
                .andExpect(jsonPath("$.jvm_uptime_seconds").isNumber())
                .andExpect(jsonPath("$.host_uptime_seconds").value(Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.hostname").value(Matchers.not(Matchers.emptyString())));
    }

    @Test
    void listsAddressesAndSaysReachabilityIsUnknownWithoutTargets() throws Exception {
        mvc.perform(get("/api/system/network"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(Matchers.matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.mdns_name").value(Matchers.endsWith(".local")))
                .andExpect(jsonPath("$.interfaces[0].name").isString())
                .andExpect(jsonPath("$.interfaces[0].addresses[0].family").value(Matchers.oneOf("IPv4", "IPv6")))
                .andExpect(jsonPath("$.internet.status").value("unknown"))
                .andExpect(jsonPath("$.internet.reason").value(Matchers.containsString("no targets are configured")));
    }

    /** A real, tiny LiveMetrics (itself the bean): the newest sample is whatever the test put there. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SystemProperties.class)
    static class Samples implements LiveMetrics {

        final AtomicReference<MetricSample> newest = new AtomicReference<>();

        @Override
        public Optional<MetricSample> latest() {
            return Optional.ofNullable(newest.get());
        }
    }
}

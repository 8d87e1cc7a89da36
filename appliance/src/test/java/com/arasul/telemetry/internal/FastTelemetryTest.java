package com.arasul.telemetry.internal;

import com.arasul.ApplianceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole appliance sampling five times a second into two-second buckets, so a test sees rows arrive in
 * seconds. One shared context for every telemetry test that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplianceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "arasul.telemetry.interval=200ms",
        "arasul.telemetry.bucket=2s",
        "arasul.telemetry.buffer.flush-interval=300ms",
        "arasul.telemetry.gpu=none",
        "arasul.security.admin-password=" + FastTelemetryTest.ADMIN_PASSWORD})
@interface FastTelemetryTest {

    String ADMIN_PASSWORD = "Telemetry-Test-Pa55word!";
}

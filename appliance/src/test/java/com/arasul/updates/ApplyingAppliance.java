package com.arasul.updates;

import com.arasul.ApplianceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole appliance applying updates quickly enough for tests: a short health gate and a fast
 * apply-queue poll. The apply test classes share one application through it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplianceTest
@AutoConfigureMockMvc(addFilters = false)
@TestPropertySource(properties = {"arasul.updates.health-timeout=20s", "arasul.updates.poll-interval=200ms"})
@interface ApplyingAppliance {
}

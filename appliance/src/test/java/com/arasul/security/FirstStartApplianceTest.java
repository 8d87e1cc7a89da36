package com.arasul.security;

import com.arasul.ApplianceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The appliance as after a first start without {@code ARASUL_ADMIN_PASSWORD}, behind a trusted
 * proxy (so each test can be its own client through {@code X-Forwarded-For}) and with rate limits
 * so small that a handful of requests exhaust them, deterministically.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplianceTest
@TestPropertySource(properties = {
        "arasul.security.admin-password=",
        "server.forward-headers-strategy=native",
        "arasul.security.rate-limits.login.requests=3",
        "arasul.security.rate-limits.login.per=1h",
        "arasul.security.rate-limits.metrics.requests=3",
        "arasul.security.rate-limits.metrics.per=1h",
        "arasul.security.rate-limits.api.requests=10",
        "arasul.security.rate-limits.api.per=1h"})
public @interface FirstStartApplianceTest {

    int LOGIN_LIMIT = 3;
    int METRICS_LIMIT = 3;
}

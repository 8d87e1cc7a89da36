package com.arasul.healing;

import com.arasul.ApplianceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/** The whole appliance healing in observe mode, confined to {@code hea-a-} services, with a known admin password. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.mode=observe", "arasul.healing.engine.scope=hea-a-.*",
        "arasul.security.admin-password=" + ObservingAppliance.ADMIN_PASSWORD,
        "arasul.security.rate-limits.login.requests=1000", "arasul.security.rate-limits.api.requests=100000"})
@interface ObservingAppliance {

    String ADMIN_PASSWORD = "Healing-Admin-Password-7!";
}

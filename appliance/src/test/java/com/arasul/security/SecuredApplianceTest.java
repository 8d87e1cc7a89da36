package com.arasul.security;

import com.arasul.ApplianceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole appliance with a known admin password and login limits loose enough for many test
 * logins from one address; rate limits themselves are tested in a context of their own. Shared by
 * the security test classes, so they start one application between them; they inject an
 * {@link ApiClient} on its port and {@link TestAccounts} to make throwaway accounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplianceTest
@Import({EchoWebSocket.class, ApiClient.class, TestAccounts.class})
@TestPropertySource(properties = {
        "arasul.security.admin-password=" + SecuredApplianceTest.ADMIN_PASSWORD,
        "arasul.security.rate-limits.login.requests=1000",
        "arasul.security.rate-limits.api.requests=100000",
        "arasul.security.rate-limits.metrics.requests=100000",
        "arasul.security.api-keys.rate-limit.requests=" + SecuredApplianceTest.API_KEY_REQUESTS,
        "arasul.security.api-keys.rate-limit.per=P1D"})
public @interface SecuredApplianceTest {

    String ADMIN_PASSWORD = "Test-Admin-Password-1!";

    /**
     * Requests per day one API key may make in these tests: enough for a pass over every route, and
     * refilled too slowly to matter while a test runs.
     */
    int API_KEY_REQUESTS = 300;
}

package com.arasul.e2e.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test of the dashboard: one packaged appliance per test class (embedded PostgreSQL, the
 * test Docker engine, healing only observing), and test parameters of type {@link DashboardAppliance}
 * (the running appliance, its admin password, an API client) and {@link Browser} (a fresh headless
 * Chromium in English, closed after the test). With {@code ollama = true} the appliance's language model
 * ({@code ARASUL_LLM_URL}) is a {@code StandInOllama} of the test class, handed out as a test parameter too;
 * otherwise no language model runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DashboardExtension.class)
public @interface DashboardTest {

    /** Whether the appliance talks to an Ollama stand-in the test controls instead of to no model at all. */
    boolean ollama() default false;
}

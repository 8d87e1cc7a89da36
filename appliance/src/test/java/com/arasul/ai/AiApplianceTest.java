package com.arasul.ai;

import com.arasul.TemporaryDataDirectory;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole appliance in front of one stand-in Ollama ({@link #OLLAMA}, shared by the classes that
 * use this annotation, reset by each test), with a known admin password, loose per-address limits,
 * short gateway timeouts, and embeddings made in-process.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TemporaryDataDirectory.class, AiApplianceTest.StandInUrl.class})
@TestPropertySource(properties = {
        "arasul.security.admin-password=" + AiApplianceTest.ADMIN_PASSWORD,
        "arasul.security.rate-limits.login.requests=1000",
        "arasul.security.rate-limits.api.requests=100000",
        "arasul.ai.default-model=llama3:latest",
        "arasul.ai.embedding.url=",
        "arasul.ai.gateway.first-byte-timeout=3s",
        "arasul.ai.gateway.idle-timeout=2s",
        "arasul.ai.gateway.requests-per-second=1000"})
public @interface AiApplianceTest {

    String ADMIN_PASSWORD = "Test-Admin-Password-1!";

    StandInOllama OLLAMA = new StandInOllama();

    /** Points the appliance at the shared stand-in. */
    class StandInUrl implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standInOllama",
                    Map.of("arasul.ai.llm-url", OLLAMA.url().toString())));
        }
    }
}

package com.arasul.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The rules capability on its own: its configuration, its flows, its controller, a rules folder of its own. */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(IntegrationAutoConfiguration.class)
@EnableConfigurationProperties(RulesProperties.class)
@Import({RulesConfiguration.class, RulesFlows.class})
class RulesSlice {

    /** A fresh rules folder, polled fast so the watch tests wait less. */
    static Path properties(DynamicPropertyRegistry registry) {
        try {
            Path base = Files.createDirectories(Path.of("target", "test-data"));
            Path dir = Files.createTempDirectory(base.toAbsolutePath(), "rules-").resolve("rules");
            registry.add("arasul.rules.dir", dir::toString);
            registry.add("arasul.rules.settle", () -> "300ms");
            registry.add("arasul.rules.poll-interval", () -> "100ms");
            registry.add("arasul.rules.check-interval", () -> "1s");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    Activations activations() {
        return new Activations();
    }

    static final class Activations {

        final List<RuleSetActivated> seen = new CopyOnWriteArrayList<>();

        List<RuleSetActivated> of(String ruleSet) {
            return seen.stream().filter(e -> e.ruleSet().equals(ruleSet)).toList();
        }

        @EventListener
        void on(RuleSetActivated event) {
            seen.add(event);
        }
    }
}

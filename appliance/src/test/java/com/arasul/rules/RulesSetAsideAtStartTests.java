package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.TemporaryDataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A live rules folder whose rules are refused (here: one that would exec a shell) does not stop the
 * appliance: it starts, the shipped rules run, and the rules status names the file set aside and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TemporaryDataDirectory.class, RulesSetAsideAtStartTests.RefusedRuleFile.class})
class RulesSetAsideAtStartTests {

    @Autowired
    RuleSets ruleSets;

    @Value("${arasul.data-dir}")
    Path dataDir;

    @Test
    void startsWithTheShippedRulesAndNamesTheFileSetAside() {
        RuleSet healing = ruleSets.get("healing");

        assertThat(healing.runsShippedFallback()).isTrue();
        assertThat(healing.active()).hasValueSatisfying(b -> assertThat(b.files()).contains("healing/events.drl")
                .doesNotContain("healing/exploit.drl"));
        RuleViews.RuleSetView status = RuleViews.RuleSetView.of(healing);
        assertThat(status.runsShippedRules()).isTrue();
        assertThat(status.setAside()).singleElement().satisfies(s -> {
            assertThat(s.files()).containsExactly("healing/exploit.drl");
            assertThat(s.reason()).contains("`java.lang.Runtime` is not a type a rule may use");
        });
        assertThat(dataDir.resolve("rules/healing/exploit.drl")).exists(); // kept for the integrator to fix
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> !Files.exists(dataDir.resolve("owned")));
    }

    /** Puts the refused file into the rules folder before the appliance starts. */
    static final class RefusedRuleFile implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path dataDir = Path.of(context.getEnvironment().getRequiredProperty("arasul.data-dir"));
            try {
                Path file = Files.createDirectories(dataDir.resolve("rules/healing")).resolve("exploit.drl");
                Files.writeString(file, """
                        package healing;

                        rule "exec a shell at every start"
                        when
                        then
                            java.lang.Runtime.getRuntime().exec( new String[] { "touch", "%s" } );
                        end
                        """.formatted(dataDir.resolve("owned")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

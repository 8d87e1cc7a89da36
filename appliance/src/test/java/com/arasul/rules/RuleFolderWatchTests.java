package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Editing the rules folder by hand: what compiles is activated, what does not is refused and shown. */
@WebMvcTest(RulesController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(RulesSlice.class)
class RuleFolderWatchTests {

    private static final String GOOD = """
            package healing;

            import com.arasul.healing.facts.DockerStatus;

            rule "Docker that is back needs no action"
            when
                DockerStatus( up == true )
            then
            end
            """;
    private static Path rules;

    @DynamicPropertySource
    static void rulesFolder(DynamicPropertyRegistry registry) {
        rules = RulesSlice.properties(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    RulesSlice.Activations activations;

    @Test
    void refusesABrokenFileKeepsTheOldRulesAndActivatesItOnceFixed() throws Exception {
        RuleSet healing = ruleSets.get("healing");
        KieBase running = healing.active().orElseThrow().kieBase();
        long version = healing.version();
        Path file = rules.resolve("healing/docker-back.drl");

        Files.writeString(file, GOOD.replace("then", "thn"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ruleSets[0].lastBuild.status").value("refused"))
                .andExpect(jsonPath("$.ruleSets[0].lastBuild.messages[0].file").value("healing/docker-back.drl"))
                .andExpect(jsonPath("$.ruleSets[0].lastBuild.messages[0].line").value(9))
                .andExpect(jsonPath("$.ruleSets[0].lastBuild.messages[0].column").value(greaterThan(0)))
                .andExpect(jsonPath("$.ruleSets[0].activeVersion").value(version)));
        assertThat(healing.active().orElseThrow().kieBase()).as("the old rules keep running").isSameAs(running);
        assertThat(activations.of("healing")).isEmpty();

        Files.writeString(file, GOOD);

        await().atMost(Duration.ofSeconds(20)).until(() -> healing.version() == version + 1);
        assertThat(healing.active().orElseThrow().files()).contains("healing/docker-back.drl");
        assertThat(healing.lastAttempt().orElseThrow().ok()).isTrue();
        assertThat(activations.of("healing")).singleElement().satisfies(e -> {
            assertThat(e.ruleSet()).isEqualTo("healing");
            assertThat(e.version()).isEqualTo(version + 1);
        });

        Files.delete(file);

        await().atMost(Duration.ofSeconds(20)).until(() -> healing.version() == version + 2);
        assertThat(healing.active().orElseThrow().files()).doesNotContain("healing/docker-back.drl");
    }

    @Test
    void picksUpARuleSetInANewFolder() throws Exception {
        // not a shipped set (healing and updates are): this folder is new to the running appliance
        assertThat(ruleSets.find("maintenance")).isEmpty();
        Files.createDirectories(rules.resolve("maintenance"));
        Files.writeString(rules.resolve("maintenance/checks.drl"), "package maintenance;\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> ruleSets.find("maintenance").flatMap(RuleSet::active).isPresent());
        assertThat(activations.seen).anySatisfy(e -> assertThat(e.ruleSet()).isEqualTo("maintenance"));
    }
}

package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP side of rule management; authentication is checked where the security chain is tested. */
@WebMvcTest(RulesController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(RulesSlice.class)
class RulesControllerTests {

    private static final String ISO_INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";
    private static final String BROKEN = """
            package healing;

            rule "never compiles"
            when
                NoSuchFact( x > 1 )
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

    @Test
    void listsEachRuleSetWithItsActiveBuildAndItsFiles() throws Exception {
        mvc.perform(get("/api/rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.ruleSets[0].name").value("healing"))
                .andExpect(jsonPath("$.ruleSets[0].activeVersion").value(greaterThan(0)))
                .andExpect(jsonPath("$.ruleSets[0].activatedAt").value(matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.ruleSets[0].lastBuild.status").value("active"))
                .andExpect(jsonPath("$.ruleSets[0].activeFiles").value(hasItem("healing/events.drl")))
                .andExpect(jsonPath("$.ruleSets[0].files[?(@.name == 'events.drl')].size").value(hasItem(greaterThan(100))))
                .andExpect(jsonPath("$.ruleSets[0].files[0].lastModified").value(matchesPattern(ISO_INSTANT)));
    }

    @Test
    void answersTheTextOfARuleFile() throws Exception {
        mvc.perform(get("/api/rules/healing/events.drl"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string(containsString("declare HostMetrics")));
        mvc.perform(get("/api/rules/healing/missing.drl")).andExpect(status().isNotFound());
        mvc.perform(get("/api/rules/nosuchset/events.drl")).andExpect(status().isNotFound());
    }

    @Test
    void refusesAFileThatDoesNotCompileWithItsMessagesAndWritesNothing() throws Exception {
        long version = ruleSets.get("healing").version();

        mvc.perform(put("/api/rules/healing/refused.drl").contentType(MediaType.TEXT_PLAIN).content(BROKEN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.timestamp").value(matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.path").value("/api/rules/healing/refused.drl"))
                .andExpect(jsonPath("$.message").value(containsString("nothing was written")))
                .andExpect(jsonPath("$.messages[0].file").value("healing/refused.drl"))
                .andExpect(jsonPath("$.messages[0].line").value(5))
                .andExpect(jsonPath("$.messages[0].column").isNumber())
                .andExpect(jsonPath("$.messages[0].level").value("ERROR"))
                .andExpect(jsonPath("$.messages[0].text").value(containsString("NoSuchFact")));

        assertThat(rules.resolve("healing/refused.drl")).doesNotExist();
        assertThat(ruleSets.get("healing").version()).isEqualTo(version);
    }

    @Test
    void writesAndActivatesAFileThatCompiles() throws Exception {
        long version = ruleSets.get("healing").version();
        String text = "package healing;\n\n// nothing yet\n";

        mvc.perform(put("/api/rules/healing/notes.drl").contentType(MediaType.TEXT_PLAIN).content(text))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.activeVersion").value(version + 1));

        assertThat(rules.resolve("healing/notes.drl")).hasContent(text);
        mvc.perform(get("/api/rules/healing/notes.drl")).andExpect(content().string(text));
    }

    @Test
    void refusesEveryPathThatIsNotAPlainRuleFileOfARuleSet() throws Exception {
        Path outside = Files.writeString(rules.getParent().resolve("secret.drl"), "package x;\n");
        Files.createSymbolicLink(rules.resolve("healing/link.drl"), outside);
        try {
            for (String path : new String[] {"/api/rules/healing/notes.txt", "/api/rules/healing/.hidden.drl",
                    "/api/rules/%2e%2e/secret.drl", "/api/rules/healing/%2e%2e.drl", "/api/rules/Healing/events.drl",
                    "/api/rules/healing/link.drl"}) {
                mvc.perform(get(path)).andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.timestamp").value(matchesPattern(ISO_INSTANT)));
                mvc.perform(put(path).contentType(MediaType.TEXT_PLAIN).content("package healing;\n"))
                        .andExpect(status().isBadRequest());
            }
            mvc.perform(get("/api/rules/healing/sub/events.drl")).andExpect(status().isNotFound());
            mvc.perform(post("/api/rules/validate").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"set\":\"healing\",\"file\":\"../../secret.drl\",\"text\":\"package x;\"}"))
                    .andExpect(status().isBadRequest());
        } finally {
            Files.delete(rules.resolve("healing/link.drl"));
        }
        assertThat(outside).hasContent("package x;\n");
    }

    @Test
    void refusesARuleThatWouldExecAShellAndRunsNothing() throws Exception {
        Path marker = rules.getParent().resolve("owned");
        String exploit = """
                package healing;

                import com.arasul.healing.facts.HostMetrics;

                rule "exec a shell"
                when
                    HostMetrics()
                then
                    java.lang.Runtime.getRuntime().exec( new String[] { "touch", "%s" } );
                end
                """.formatted(marker);
        long version = ruleSets.get("healing").version();

        mvc.perform(put("/api/rules/healing/exploit.drl").contentType(MediaType.TEXT_PLAIN).content(exploit))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.messages[0].file").value("healing/exploit.drl"))
                .andExpect(jsonPath("$.messages[0].line").value(9))
                .andExpect(jsonPath("$.messages[0].text").value(containsString("`java.lang.Runtime` is not a type a rule may use")));
        mvc.perform(post("/api/rules/validate").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"set\":\"healing\",\"file\":\"exploit.drl\",\"text\":\"package healing;\\nrule \\\"x\\\" when then System.exit( 0 ); end\\n\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.messages[0].text").value(containsString("`System` is not a type")));

        assertThat(rules.resolve("healing/exploit.drl")).doesNotExist();
        assertThat(ruleSets.get("healing").version()).isEqualTo(version);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(marker));
    }

    @Test
    void answersARuleFileAsTextWhateverTheAcceptHeaderAsksFor() throws Exception {
        mvc.perform(get("/api/rules/healing/events.drl").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string(containsString("declare HostMetrics")));
    }

    @Test
    void refusesADanglingLinkWithoutFailingAndListsTheRulesStill() throws Exception {
        Files.createSymbolicLink(rules.resolve("healing/dangling.drl"), rules.getParent().resolve("nowhere.drl"));
        try {
            mvc.perform(get("/api/rules/healing/dangling.drl"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(containsString("is a symbolic link")));
            mvc.perform(get("/api/rules")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.ruleSets[0].files[?(@.name == 'dangling.drl')]").isNotEmpty());
            mvc.perform(post("/api/rules/validate").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"set\":\"healing\",\"file\":\"x.drl\",\"text\":\"package healing;\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.messages[0].text").value(containsString("healing/dangling.drl is a symbolic link")));
        } finally {
            Files.delete(rules.resolve("healing/dangling.drl"));
        }
    }

    @Test
    void validatesAFileWithTheRestOfItsRuleSetWithoutWritingIt() throws Exception {
        String before = Files.readString(rules.resolve("healing/reboot.drl"));

        mvc.perform(post("/api/rules/validate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"set\":\"healing\",\"file\":\"reboot.drl\",\"text\":" + json(BROKEN) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").value(matchesPattern(ISO_INSTANT)))
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.messages[0].file").value("healing/reboot.drl"))
                .andExpect(jsonPath("$.messages[0].line").value(5));
        mvc.perform(post("/api/rules/validate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"set\":\"healing\",\"file\":\"reboot.drl\",\"text\":" + json(before) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));

        assertThat(rules.resolve("healing/reboot.drl")).hasContent(before);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}

package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.TemporaryDataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live rules folder whose rules are refused (here: one that would exec a shell) does not stop the
 * appliance: it starts, the shipped rules run, and the rules status names the file set aside and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TemporaryDataDirectory.class, RulesSetAsideAtStartTests.RefusedRuleFile.class})
@TestPropertySource(properties = "arasul.security.admin-password=" + RulesSetAsideAtStartTests.PASSWORD)
class RulesSetAsideAtStartTests {

    static final String PASSWORD = "Set-Aside-Test-Pass-1!";

    @LocalServerPort
    int port;

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void theSystemStatusNamesTheFileSetAsideAndWhatRunsInstead() throws Exception {
        ruleSets.ready().join();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(login.body()).get("token").asString();

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/system/status")).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode status = JSON.readTree(answer.body());
            assertThat(status.get("status").asString()).isIn("WARNING", "CRITICAL");
            assertThat(status.get("reasons").valueStream().map(JsonNode::asString)).anySatisfy(reason -> assertThat(reason)
                    .startsWith("Rule file healing/exploit.drl was set aside: rule \"exec a shell at every start\": "
                            + "`java.lang.Runtime` is not a type a rule may use")
                    .endsWith("The shipped healing rules run instead; correct or delete the file on the Rules page."));
        }
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

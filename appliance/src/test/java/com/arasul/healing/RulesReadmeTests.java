package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.healing.facts.ContainerEvent;
import com.arasul.healing.facts.HostMetrics;
import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import com.arasul.rules.RuleSession;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** The worked examples of rules/README.md compile with the shipped rules and do what the README says. */
class RulesReadmeTests {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- drl-example: ([a-z0-9-]+) -->\\s*```drl\\n(.*?)```\\s*<!-- /drl-example -->", Pattern.DOTALL);

    @Test
    void everyWorkedExampleCompilesWithTheShippedRules() throws IOException {
        Map<String, String> examples = examples();
        assertThat(examples).containsKeys("maintenance-window", "early-disk-warning");

        RuleBuild build = compileWithExamples(examples);

        assertThat(build.errors()).isEmpty();
    }

    @Test
    void theMaintenanceWindowTakesANightlyFailureOfN8nOutOfTheRestarts() throws IOException {
        KieBase kieBase = compileWithExamples(examples()).kieBase();
        Instant night = LocalDate.of(2025, 6, 1).atTime(2, 0).atZone(ZoneId.systemDefault()).toInstant();
        Instant day = night.plusSeconds(10 * 3600);

        assertThat(afterADeathOfN8n(kieBase, night)).extracting(ActionRequest::type).containsExactly(ActionType.NOTIFY);
        assertThat(afterADeathOfN8n(kieBase, day)).extracting(ActionRequest::type).containsExactly(ActionType.RESTART_SERVICE);
    }

    @Test
    void theEarlyDiskWarningWarnsOnceAt70Percent() throws IOException {
        KieBase kieBase = compileWithExamples(examples()).kieBase();
        List<ActionRequest> requests = new CopyOnWriteArrayList<>();
        try (RuleSession session = RuleSession.builder("readme").pseudoClock(Instant.parse("2025-06-01T12:00:00Z"))
                .fact(HealingThresholds.defaults()).emit(ActionRequest.class, requests::add).start(kieBase)) {
            for (int i = 0; i < 3; i++) {
                session.submit(new HostMetrics(session.now(), 20.0, 40.0, 10.0, 20.0, 50.0, 75.0, "/data"));
                session.advanceTime(java.time.Duration.ofSeconds(1)).join();
            }
        }
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.reason()).contains("/data is 75 % full"));
    }

    private static List<ActionRequest> afterADeathOfN8n(KieBase kieBase, Instant at) {
        List<ActionRequest> requests = new ArrayList<>();
        try (RuleSession session = RuleSession.builder("readme").pseudoClock(at).fact(HealingThresholds.defaults())
                .emit(ActionRequest.class, requests::add).start(kieBase)) {
            session.submit(new ContainerEvent("n8n", "die", null, 1, session.now()));
            session.flush();
        }
        return requests;
    }

    private static RuleBuild compiled;

    private static synchronized RuleBuild compileWithExamples(Map<String, String> examples) {
        if (compiled != null) {
            return compiled;
        }
        Map<String, String> sources = new TreeMap<>(RuleCompiler.read(ShippedHealingRules.ROOT, "healing"));
        examples.forEach((name, text) -> sources.put("healing/readme-" + name + ".drl", text));
        compiled = new RuleCompiler(Clock.systemUTC()).compile(sources);
        return compiled;
    }

    private static Map<String, String> examples() throws IOException {
        String readme = Files.readString(ShippedHealingRules.ROOT.resolve("README.md"));
        Map<String, String> examples = new TreeMap<>();
        Matcher m = EXAMPLE.matcher(readme);
        while (m.find()) {
            examples.put(m.group(1), m.group(2));
        }
        return examples;
    }
}

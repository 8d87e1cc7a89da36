package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The promises the shipped rules keep: each compiles, says its package, and has its own test. */
class ShippedRulesConventionTests {

    @Test
    void everyShippedRuleFileCompilesOnItsOwnWithTheEventDeclarations() throws IOException {
        Map<String, String> all = RuleCompiler.read(ShippedHealingRules.ROOT, "healing");
        assertThat(all).containsKey("healing/events.drl").hasSizeGreaterThan(5);
        RuleCompiler compiler = new RuleCompiler(Clock.systemUTC());
        for (String file : all.keySet()) {
            Map<String, String> alone = new java.util.TreeMap<>(Map.of("healing/events.drl", all.get("healing/events.drl")));
            alone.put(file, all.get(file));
            RuleBuild build = compiler.compile(alone);
            assertThat(build.errors()).as(file).isEmpty();
        }
    }

    @Test
    void everyShippedRuleFileDeclaresThePackageOfItsFolder() {
        RuleCompiler.read(ShippedHealingRules.ROOT, "healing").forEach((file, text) ->
                assertThat(text).as(file).containsPattern("(?m)^package healing;$"));
    }

    @Test
    void everyShippedRuleFileHasATestClass() throws IOException {
        try (Stream<Path> files = Files.list(ShippedHealingRules.ROOT.resolve("healing"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).toList();
            for (String name : names) {
                String camel = Stream.of(name.replace(".drl", "").split("-"))
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).reduce("", String::concat);
                Path test = Path.of("src/test/java/com/arasul/healing", camel + "RulesTests.java");
                assertThat(test).as(name).exists();
            }
        }
    }
}

package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.rules.internal.ShippedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules folder at start: shipped rules installed once, never over an integrator's edits. */
class RuleSetsTests {

    private static final Path SHIPPED = Path.of("..", "rules");

    @TempDir
    Path root;

    private final List<RuleSetActivated> published = new ArrayList<>();
    private final RuleCompiler compiler = new RuleCompiler(Clock.systemUTC());

    @Test
    void copiesTheShippedRulesOnFirstStartAndCompilesThem() throws Exception {
        RuleSets sets = start();

        assertThat(root.resolve("healing/events.drl")).hasSameTextualContentAs(SHIPPED.resolve("healing/events.drl"));
        assertThat(sets.get("healing").files()).hasSameSizeAs(RuleCompiler.read(SHIPPED, "healing").keySet());
        assertThat(sets.get("healing").active()).hasValueSatisfying(b -> assertThat(b.ok()).isTrue());
        assertThat(sets.get("healing").version()).isEqualTo(1);
        assertThat(published).as("the first build is active before anyone listens").isEmpty();
    }

    @Test
    void compilesBesideTheStartAndAnswersOnceTheFirstBuildIsDone() {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        RuleSets sets = new RuleSets(root, compiler, ShippedRules.fromClasspath(), e -> { }, build -> Thread.ofPlatform()
                .start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    build.run();
                }));
        assertThat(root.resolve("healing/events.drl")).as("installed at once").exists();
        assertThat(sets.ready()).isNotDone();

        go.countDown();

        assertThat(sets.get("healing").active()).hasValueSatisfying(b -> assertThat(b.ok()).isTrue());
        assertThat(sets.ready()).isCompleted();
    }

    @Test
    void keepsAnIntegratorsEditsOnTheSecondStart() throws Exception {
        start();
        Path edited = root.resolve("healing/reboot.drl");
        String mine = Files.readString(edited).replace("as the last resort", "as the very last resort");
        Files.writeString(edited, mine);
        Path removed = root.resolve("healing/overload-actions.drl");
        Files.delete(removed);

        RuleSets again = start();

        assertThat(edited).hasContent(mine);
        assertThat(removed).as("a rule set that has rules is left as it is").doesNotExist();
        assertThat(again.get("healing").active()).isPresent();
    }

    @Test
    void runsTheShippedRulesWhenTheFolderDoesNotCompileAtStart() throws Exception {
        start();
        Files.writeString(root.resolve("healing/broken.drl"), "package healing;\nrule \"x\" when then nothing end\n");

        RuleSet healing = start().get("healing");

        assertThat(healing.runsShippedFallback()).isTrue();
        assertThat(healing.active()).hasValueSatisfying(b -> assertThat(b.files()).doesNotContain("healing/broken.drl"));
        assertThat(healing.lastAttempt()).hasValueSatisfying(b -> assertThat(b.errors()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.file()).isEqualTo("healing/broken.drl")));
    }

    @Test
    void refusesAFolderWithoutRulesAndKeepsTheLastGoodOnes() throws Exception {
        RuleSet healing = start().get("healing");
        try (var files = Files.list(root.resolve("healing"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        assertThat(healing.reloadIfChanged()).hasValueSatisfying(b -> assertThat(b.ok()).isFalse());
        assertThat(healing.active()).isPresent();
        assertThat(healing.version()).isEqualTo(1);
    }

    @Test
    void writesAFileOnlyWhenTheRuleSetCompilesWithIt() throws Exception {
        RuleSet healing = start().get("healing");
        String bad = "package healing;\nrule \"x\"\nwhen\n    Nonsense()\nthen\nend\n";

        RuleBuild refused = healing.write("extra.drl", bad);

        assertThat(refused.ok()).isFalse();
        assertThat(root.resolve("healing/extra.drl")).doesNotExist();
        try (var files = Files.list(root.resolve("healing"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").allMatch(n -> n.endsWith(".drl"));
        }

        RuleBuild written = healing.write("extra.drl", "package healing;\n");
        assertThat(written.ok()).isTrue();
        assertThat(root.resolve("healing/extra.drl")).hasContent("package healing;\n");
        assertThat(healing.version()).isEqualTo(2);
        assertThat(healing.reloadIfChanged()).as("the watch finds nothing new to compile").isEmpty();
    }

    private RuleSets start() {
        return new RuleSets(root, compiler, ShippedRules.fromClasspath(), e -> published.add((RuleSetActivated) e));
    }
}

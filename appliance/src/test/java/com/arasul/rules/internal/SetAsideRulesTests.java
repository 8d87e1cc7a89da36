package com.arasul.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.rules.RuleCompiler;
import com.arasul.rules.RuleSet;
import com.arasul.rules.RuleSets;
import com.arasul.system.StatusContributor.Reason;
import com.arasul.system.SystemStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system status names rule files set aside, why and what runs instead, until the folder compiles again. */
class SetAsideRulesTests {

    @TempDir
    Path root;

    private final RuleCompiler compiler = new RuleCompiler(Clock.systemUTC());

    @Test
    void namesAFileRefusedAtStartAndForgetsItOnceTheFolderCompiles() throws Exception {
        start();
        Path broken = root.resolve("healing/broken.drl");
        Files.writeString(broken, "package healing;\nrule \"x\"\nwhen\n    Nonsense()\nthen\nend\n");
        RuleSets sets = start();
        SetAsideRules status = new SetAsideRules(sets);

        assertThat(status.reasons(Instant.now())).singleElement().satisfies(reason -> {
            assertThat(reason.level()).isEqualTo(SystemStatus.Level.WARNING);
            assertThat(reason.sentence()).startsWith("Rule file healing/broken.drl was set aside: ")
                    .contains("The shipped healing rules run instead; correct or delete the file on the Rules page.");
        });

        Files.delete(broken);
        assertThat(sets.get("healing").reload().ok()).isTrue();

        assertThat(status.reasons(Instant.now())).isEmpty();
    }

    @Test
    void namesRulesDeactivatedWhileFiringAndTheLastGoodOnesThatRunInstead() throws Exception {
        RuleSets sets = start();
        RuleSet healing = sets.get("healing");
        Files.writeString(root.resolve("healing/extra.drl"), "package healing;\n");
        var second = healing.reload();

        healing.setAside(second.kieBase(), "the rules fired 10000 times in one cycle, the limit; rule \"loop\" fired 10000 times");

        assertThat(new SetAsideRules(sets).reasons(Instant.now())).extracting(Reason::sentence).singleElement()
                .satisfies(sentence -> assertThat(sentence).startsWith("Rule files ").contains("healing/extra.drl",
                        " were set aside: the rules fired 10000 times in one cycle, the limit; rule \"loop\" fired 10000 times. ",
                        "The last good healing rules run instead; correct or delete the files on the Rules page."));
    }

    @Test
    void saysNothingWhileTheFirstBuildIsStillRunning() {
        RuleSets sets = new RuleSets(root, compiler, ShippedRules.fromClasspath(), e -> { }, build -> { });

        assertThat(new SetAsideRules(sets).reasons(Instant.now())).isEmpty();
    }

    private RuleSets start() {
        return new RuleSets(root, compiler, ShippedRules.fromClasspath(), e -> { });
    }
}

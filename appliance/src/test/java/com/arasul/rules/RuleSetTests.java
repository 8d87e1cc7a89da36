package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

class RuleSetTests {

    /** Says hello: inserts 1 when "hi" is inserted. */
    static final String GOOD = """
            package demo;
            rule "says hello"
            when
                String( this == "hi" )
            then
                insert( Integer.valueOf( 1 ) );
            end
            """;

    @TempDir
    Path root;

    @Test
    void answersLineAndColumnForABrokenFileAndKeepsTheLastGoodRuleBase() throws Exception {
        Files.createDirectories(root.resolve("demo"));
        Files.writeString(root.resolve("demo/hello.drl"), GOOD);
        RuleSet ruleSet = new RuleSet("demo", root, new RuleCompiler(Clock.systemUTC()));
        assertThat(ruleSet.reload().ok()).isTrue();
        KieBase good = ruleSet.active().orElseThrow().kieBase();

        Files.writeString(root.resolve("demo/hello.drl"), GOOD.replace("then", "thn"));
        RuleBuild broken = ruleSet.reload();

        assertThat(broken.ok()).isFalse();
        assertThat(broken.errors()).first().satisfies(m -> {
            assertThat(m.file()).isEqualTo("demo/hello.drl");
            assertThat(m.line()).isEqualTo(6);
            assertThat(m.column()).isPositive();
            assertThat(m.level()).isEqualTo("ERROR");
        });
        assertThat(ruleSet.active().orElseThrow().kieBase()).isSameAs(good);
        assertThat(ruleSet.lastAttempt()).contains(broken);
    }
}

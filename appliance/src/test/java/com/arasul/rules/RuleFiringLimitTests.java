package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

/**
 * Firing is bounded: a rule that keeps modifying what it matches (allowed syntax, never ends) is
 * halted at the firing limit or the time budget, reported once, and its rule set is set aside for
 * the last good one, which the session then runs.
 */
class RuleFiringLimitTests {

    private static final String LOOP = """
            package demo;
            declare Counter
                n : int
            end
            rule "start counting"
            when
                String( this == "hi" )
                not Counter()
            then
                insert( new Counter( 0 ) );
            end
            rule "count for ever"
            when
                $c : Counter( n >= 0 ) // watches n, so each modify matches again
            then
                modify( $c ) { setN( $c.getN() + 1 ) }
            end
            """;

    @TempDir
    Path root;

    private final RuleCompiler compiler = new RuleCompiler(Clock.systemUTC());
    private final List<RuleRunaway> runaways = new CopyOnWriteArrayList<>();

    @Test
    void haltsARuleThatModifiesWhatItMatchesForEverAtTheFiringLimit() {
        try (RuleSession session = RuleSession.builder("loop").start(compile(LOOP))) {
            session.limitFiring(1_000, Duration.ofMinutes(1), runaways::add);

            session.submit("hi");
            session.flush();

            assertThat(runaways).singleElement().satisfies(r -> {
                assertThat(r.session()).isEqualTo("loop");
                assertThat(r.reason()).contains("times in one cycle, the limit", "rule \"count for ever\" fired 1000 times");
            });
            assertThat(session.call(s -> s.getFactCount()).join()).isEqualTo(2); // still answers
        }
    }

    @Test
    void haltsRulesThatFireLongerThanTheTimeBudget() {
        try (RuleSession session = RuleSession.builder("slow").start(compile(LOOP))) {
            session.limitFiring(Integer.MAX_VALUE, Duration.ofMillis(200), runaways::add);

            session.submit("hi");
            session.flush();

            assertThat(runaways).singleElement().extracting(RuleRunaway::reason).asString()
                    .contains("fired for longer than 200 ms in one cycle");
        }
    }

    @Test
    void setsARunawayRuleSetAsideAndRunsTheLastGoodOneAgain() throws Exception {
        Files.createDirectories(root.resolve("demo"));
        Files.writeString(root.resolve("demo/rules.drl"), RuleSetTests.GOOD);
        RuleSet ruleSet = new RuleSet("demo", root, compiler);
        KieBase good = ruleSet.reload().kieBase();
        Files.writeString(root.resolve("demo/rules.drl"), LOOP);
        KieBase loop = ruleSet.reload().kieBase();
        assertThat(loop).isNotNull();

        try (RuleSession session = RuleSession.builder("demo").idleFire(Duration.ofMillis(50)).start(loop)) {
            ruleSet.onActivated(session::swap);
            session.limitFiring(1_000, Duration.ofSeconds(30), r -> {
                runaways.add(r);
                ruleSet.setAside(r.kieBase(), r.reason());
            });

            session.submit("hi");

            await().atMost(Duration.ofSeconds(10)).until(() -> ruleSet.active().orElseThrow().kieBase() == good);
            assertThat(ruleSet.setAside()).singleElement().satisfies(s -> {
                assertThat(s.files()).containsExactly("demo/rules.drl");
                assertThat(s.reason()).contains("rule \"count for ever\"");
            });
            assertThat(Files.readString(root.resolve("demo/rules.drl"))).isEqualTo(LOOP); // kept on disk
            session.submit("hi");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(session.call(s -> s.getObjects(o -> o instanceof Integer).size()).join()).isEqualTo(1));
            assertThat(runaways).hasSize(1);
        }
    }

    private KieBase compile(String drl) {
        RuleBuild build = compiler.compile(java.util.Map.of("demo/rules.drl", drl));
        assertThat(build.errors()).isEmpty();
        return build.kieBase();
    }
}

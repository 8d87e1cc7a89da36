package com.arasul.rules;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds each firing of a session: at most {@code maxFirings} rule firings and {@code budget} of
 * time, after which the firing is halted. Rules that modify what they match can fire for ever; the
 * limit ends that cycle, and {@code onRunaway} hears of it once per rule base, so that the rule set
 * can be set aside. Used only on the session's thread.
 */
final class FiringLimit {

    private static final Logger log = LoggerFactory.getLogger(FiringLimit.class);

    private final String session;
    private volatile int maxFirings = 10_000;
    private volatile Duration budget = Duration.ofSeconds(5);
    private volatile Consumer<RuleRunaway> onRunaway = runaway -> { };
    private Object reportedFor;

    FiringLimit(String session) {
        this.session = session;
    }

    void set(int maxFirings, Duration budget, Consumer<RuleRunaway> onRunaway) {
        if (maxFirings < 1 || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a firing limit needs a positive number of firings and time");
        }
        this.maxFirings = maxFirings;
        this.budget = budget;
        this.onRunaway = onRunaway;
    }

    /** Fires the session's rules within the limit; a consequence that throws is reported and rethrown. */
    int fire(KieSession kieSession) {
        Counting counting = new Counting(kieSession, System.nanoTime(), budget.toNanos());
        int fired;
        try {
            fired = kieSession.fireAllRules(counting, maxFirings);
        } catch (RuntimeException e) {
            report(kieSession, "a rule failed while firing: " + e.getMessage());
            throw e;
        }
        if (fired >= maxFirings || counting.overTime) {
            String rule = counting.mostFired();
            report(kieSession, (counting.overTime ? "the rules fired for longer than " + budget.toMillis() + " ms"
                    : "the rules fired " + fired + " times") + " in one cycle, the limit; rule \"" + rule
                    + "\" fired " + counting.fired.get(rule) + " times");
        }
        return fired;
    }

    private void report(KieSession kieSession, String reason) {
        if (reportedFor == kieSession.getKieBase()) {
            return;
        }
        reportedFor = kieSession.getKieBase();
        log.error("rule session {}: {}; the rule set is set aside", session, reason);
        onRunaway.accept(new RuleRunaway(session, kieSession.getKieBase(), reason));
    }

    /** Lets every match fire until the time is up, then halts the firing; counts the firings of each rule. */
    private static final class Counting implements AgendaFilter {

        private final KieSession kieSession;
        private final long start;
        private final long budget;
        private final Map<String, Integer> fired = new HashMap<>();
        private boolean overTime;

        Counting(KieSession kieSession, long start, long budget) {
            this.kieSession = kieSession;
            this.start = start;
            this.budget = budget;
        }

        @Override
        public boolean accept(Match match) {
            if (System.nanoTime() - start > budget) {
                overTime = true;
                kieSession.halt();
                return false;
            }
            fired.merge(match.getRule().getName(), 1, Integer::sum);
            return true;
        }

        String mostFired() {
            return fired.entrySet().stream().max(Comparator.comparing(Map.Entry::getValue)).map(Map.Entry::getKey)
                    .orElse("(none)");
        }
    }
}

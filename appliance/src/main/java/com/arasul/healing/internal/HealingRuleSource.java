package com.arasul.healing.internal;

import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleSet;
import com.arasul.rules.RuleSetActivated;
import com.arasul.rules.RuleSets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.springframework.context.event.EventListener;

/**
 * The healing rule base from the rules module's registry: the {@code healing} folder of the rules
 * folder, with the last good build running while an edit does not compile. Every newly activated
 * build is handed to the listeners (the rule session swaps to it).
 */
public class HealingRuleSource {

    static final String RULE_SET = "healing";

    private final RuleSets ruleSets;
    private final List<Consumer<KieBase>> listeners = new CopyOnWriteArrayList<>();

    public HealingRuleSource(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** The rule base running now. */
    public KieBase current() {
        return ruleSet().active().map(RuleBuild::kieBase)
                .orElseThrow(() -> new IllegalStateException("no healing rules compile, not even the shipped ones"));
    }

    /** The rule base that runs first, once the rule sets have had their first build. */
    public CompletableFuture<KieBase> whenReady() {
        return ruleSets.ready().thenApply(sets -> current());
    }

    public RuleSet ruleSet() {
        return ruleSets.get(RULE_SET);
    }

    /** Called with each rule base that replaces the running one. */
    public void onChange(Consumer<KieBase> listener) {
        listeners.add(listener);
    }

    @EventListener
    void activated(RuleSetActivated event) {
        if (RULE_SET.equals(event.ruleSet())) {
            KieBase next = current();
            listeners.forEach(l -> l.accept(next));
        }
    }
}

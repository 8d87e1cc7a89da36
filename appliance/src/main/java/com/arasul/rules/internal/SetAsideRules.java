package com.arasul.rules.internal;

import com.arasul.rules.RuleSet;
import com.arasul.rules.RuleSets;
import com.arasul.rules.SetAside;
import com.arasul.system.StatusContributor;
import com.arasul.system.SystemStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The system status names rule files that were set aside (refused at start, ran away or failed while
 * firing), why, and which rules run meanwhile; the reason goes away once the folder compiles again.
 */
@Component
class SetAsideRules implements StatusContributor {

    private final RuleSets ruleSets;

    SetAsideRules(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Override
    public List<Reason> reasons(Instant now) {
        // a status request never waits for the first build, which takes seconds at start
        if (!ruleSets.ready().isDone() || ruleSets.ready().isCompletedExceptionally()) {
            return List.of();
        }
        List<Reason> reasons = new ArrayList<>();
        for (RuleSet set : ruleSets.all()) {
            for (SetAside aside : set.setAside()) {
                reasons.add(new Reason(SystemStatus.Level.WARNING, sentence(set, aside)));
            }
        }
        return reasons;
    }

    private static String sentence(RuleSet set, SetAside aside) {
        String why = aside.reason().strip();
        if (why.endsWith(".")) {
            why = why.substring(0, why.length() - 1);
        }
        boolean one = aside.files().size() == 1;
        return "%s %s %s set aside: %s. The %s %s rules run instead; correct or delete %s on the Rules page."
                .formatted(one ? "Rule file" : "Rule files", String.join(", ", aside.files()), one ? "was" : "were", why,
                        set.runsShippedFallback() ? "shipped" : "last good", set.name(), one ? "the file" : "the files");
    }
}

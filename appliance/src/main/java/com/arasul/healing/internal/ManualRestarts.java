package com.arasul.healing.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.healing.ActionRequest;
import com.arasul.healing.ActionType;
import com.arasul.healing.Category;
import com.arasul.healing.Decision;
import com.arasul.healing.ServiceRestarts;
import com.arasul.healing.facts.ActionResult;
import com.arasul.platform.ActionOutcome;
import com.arasul.rules.RuleSession;
import java.time.Instant;
import java.util.Optional;

/** The owner's restarts, through the Docker adapter; the rules hear of each one before it runs. */
public class ManualRestarts implements ServiceRestarts {

    private final ContainerActions containers;
    private final RuleSession rules;
    private final HealingJournal journal;

    public ManualRestarts(ContainerActions containers, RuleSession rules, HealingJournal journal) {
        this.containers = containers;
        this.rules = rules;
        this.journal = journal;
    }

    @Override
    public Optional<ActionOutcome> restart(String service) {
        if (containers.service(service).isEmpty()) {
            return Optional.empty();
        }
        var request = new ActionRequest(ActionType.RESTART_SERVICE, service, Category.A, Decider.MANUAL_RULE,
                "The owner asked to restart " + service + ".");
        rules.submit(request);
        rules.flush();
        Decision decision = new Decision(Decision.Outcome.RUN, request, request.reason(), Instant.now());
        long id = journal.decided(decision, "manual");
        ActionOutcome outcome = DockerHealing.outcome(containers.restart(service));
        journal.result(id, decision, outcome, "manual");
        rules.submit(new ActionResult(ActionType.RESTART_SERVICE, service, outcome.success(), outcome.message()));
        return Optional.of(outcome);
    }
}

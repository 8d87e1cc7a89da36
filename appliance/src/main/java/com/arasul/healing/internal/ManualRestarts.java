package com.arasul.healing.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.healing.ActionRequest;
import com.arasul.healing.ActionType;
import com.arasul.healing.Category;
import com.arasul.healing.Decision;
import com.arasul.healing.facts.ActionResult;
import com.arasul.platform.ActionOutcome;
import com.arasul.rules.RuleSession;
import java.time.Instant;
import java.util.Optional;

/**
 * A restart the owner asked for through the API. It runs through the Docker adapter at once (the
 * owner decides, not the safety floor), is recorded like any action, and the rules hear of it first
 * so that the container's death is not taken for a crash.
 */
public class ManualRestarts {

    private final ContainerActions containers;
    private final RuleSession rules;
    private final HealingJournal journal;

    public ManualRestarts(ContainerActions containers, RuleSession rules, HealingJournal journal) {
        this.containers = containers;
        this.rules = rules;
        this.journal = journal;
    }

    /** Empty when no managed container carries that service name. */
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

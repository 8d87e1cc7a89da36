package com.arasul.workflows.internal;

import com.arasul.healing.facts.WorkflowEngineHealth;
import com.arasul.workflows.internal.N8nClient.N8nUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One look at n8n per poll: is it up ({@code /healthz}), does its public API answer, and what has it
 * run since the last look. While n8n does not answer, looks are spaced out (doubling up to the
 * maximum back-off); the first answer ends the back-off. Each look is one health fact for the rules.
 */
class N8nWatch {

    private static final Logger log = LoggerFactory.getLogger(N8nWatch.class);

    private final N8nClient n8n;
    private final ExecutionPoller poller;
    private final WorkflowsProperties properties;
    private final Clock clock;
    private volatile EngineState state;
    private Instant nextLook = Instant.MIN;
    private int failuresInARow;

    N8nWatch(N8nClient n8n, ExecutionPoller poller, WorkflowsProperties properties, Clock clock) {
        this.n8n = n8n;
        this.poller = poller;
        this.properties = properties;
        this.clock = clock;
        this.state = EngineState.notYetChecked(properties);
    }

    EngineState state() {
        return state;
    }

    /** Looks at n8n unless backing off; answers the health fact of this look, or null when it did not look. */
    synchronized WorkflowEngineHealth look() {
        Instant now = clock.instant();
        if (n8n == null || now.isBefore(nextLook)) {
            return null;
        }
        String problem = null;
        boolean up;
        try {
            n8n.healthz();
            int recorded = poller.poll(now);
            if (recorded > 0) {
                log.debug("Recorded {} n8n executions", recorded);
            }
            up = true;
        } catch (N8nUnavailable e) {
            up = e.answering();
            problem = "n8n " + e.getMessage();
        } catch (DataAccessException e) {
            // our database, not n8n: n8n is not to blame, the next look tries again
            up = true;
            problem = "the activity could not be recorded: " + e.getMostSpecificCause().getMessage();
        }
        if (up) {
            if (failuresInARow > 0) {
                log.info("n8n answers again");
            }
            failuresInARow = 0;
            nextLook = Instant.MIN;
        } else {
            failuresInARow++;
            Duration wait = backoff(failuresInARow);
            nextLook = now.plus(wait);
            if (failuresInARow == 1 || wait.equals(properties.maxBackoff())) {
                log.warn("{}; next look in {} s", problem, wait.toSeconds());
            }
        }
        if (up && problem != null) {
            log.warn("{}", problem);
        }
        state = new EngineState(true, up, problem == null, problem, now, properties.editorUrl());
        return new WorkflowEngineHealth(now.toEpochMilli(), up, failuresInARow,
                problem == null ? "n8n answers" : problem);
    }

    private Duration backoff(int failures) {
        Duration wait = properties.pollInterval().multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }
}

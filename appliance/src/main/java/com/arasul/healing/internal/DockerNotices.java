package com.arasul.healing.internal;

import com.arasul.containers.DockerDaemonDown;
import com.arasul.containers.DockerDaemonUp;
import java.time.Instant;

/** Records the Docker engine going away (always) and coming back (only after it was away). */
public class DockerNotices {

    private final HealingJournal journal;
    private volatile boolean down;
    private volatile Instant since = Instant.now();

    public DockerNotices(HealingJournal journal) {
        this.journal = journal;
    }

    /** Passes the signal on after recording it. */
    public Object record(Object signal) {
        if (signal instanceof DockerDaemonDown d) {
            down = true;
            since = d.at();
            journal.event(EventTypes.DOCKER_DOWN, EventTypes.ERROR, "A", null, null, "The Docker engine stopped answering ("
                    + d.reason() + "); no service is blamed or restarted until it is back.", null, null, d.at());
        } else if (signal instanceof DockerDaemonUp u) {
            since = u.at();
            if (down) {
                down = false;
                journal.event(EventTypes.DOCKER_UP, EventTypes.INFO, "A", null, null,
                        "The Docker engine answers again (API " + u.apiVersion() + "); healing goes on.", null, null, u.at());
            }
        }
        return signal;
    }

    public boolean up() {
        return !down;
    }

    public Instant since() {
        return since;
    }
}

package com.arasul.telemetry.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs the change of a state, not every repetition: the first failure of something and its recovery, so that
 * an outage at one sample per second cannot flood the log.
 */
final class OnceLog {

    private final Logger log;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    OnceLog(Logger log) {
        this.log = log;
    }

    /** Runs {@code firstTime} only when {@code what} was not failing yet. */
    void failed(String what, Runnable firstTime) {
        if (failing.add(what)) {
            firstTime.run();
        } else if (log.isDebugEnabled()) {
            log.debug("{} still failing", what);
        }
    }

    /** Runs {@code onRecovery} only when {@code what} was failing. */
    void recovered(String what, Runnable onRecovery) {
        if (failing.remove(what)) {
            onRecovery.run();
        }
    }

    boolean isFailing(String what) {
        return failing.contains(what);
    }
}

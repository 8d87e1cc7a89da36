package com.arasul.healing.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The healing rules compile beside the rest of the start; before anything starts running (the
 * first lifecycle phase), this waits for them. A rules folder that does not compile is set aside by
 * the rules module and the shipped rules run instead, so the appliance always starts: were not even
 * the shipped rules to compile (the build's convention tests make sure they do), it starts without
 * healing and says so, rather than leaving an owner without a terminal with a box that never starts.
 */
final class HealingRulesCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealingRulesCheck.class);

    static final Duration LONGEST_BUILD = Duration.ofMinutes(3);

    private final HealingSession session;
    private volatile boolean running;

    HealingRulesCheck(HealingSession session) {
        this.session = session;
    }

    @Override
    public void start() {
        try {
            session.rules().started().get(LONGEST_BUILD.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.error("no healing rules compile, not even the shipped ones; the appliance runs without healing: {}",
                    e.getCause().toString());
        } catch (TimeoutException e) {
            log.error("the healing rules did not compile within {}; the start goes on, healing begins once they do",
                    LONGEST_BUILD);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}

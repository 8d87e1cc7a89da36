package com.arasul.healing.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.SmartLifecycle;

/**
 * The healing rules compile beside the rest of the start; before anything starts running (the
 * first lifecycle phase), this waits for them, so an appliance whose rules do not compile, not even
 * the shipped ones, still fails its start instead of running without healing.
 */
final class HealingRulesCheck implements SmartLifecycle {

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
            throw new IllegalStateException("no healing rules compile, not even the shipped ones: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the healing rules did not compile within " + LONGEST_BUILD, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the healing rules compiled", e);
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

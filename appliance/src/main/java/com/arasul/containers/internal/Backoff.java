package com.arasul.containers.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter: initial, doubling up to a maximum, reset on success. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next attempt: the current step plus up to 20 % jitter, so clients do not beat in step. */
    synchronized Duration nextDelay() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        long jitter = ThreadLocalRandom.current().nextLong(current.toMillis() / 5 + 1);
        return current.plusMillis(jitter);
    }

    synchronized void reset() {
        next = initial;
    }
}

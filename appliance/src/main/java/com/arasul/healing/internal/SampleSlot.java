package com.arasul.healing.internal;

import com.arasul.telemetry.MetricSample;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Coalesces metric samples on their way to the rules: only the newest waits, so a slow rule session
 * can fall behind by one sample but never pile samples up. {@link #offer} tells the producer whether
 * a wake-up must be sent (nothing was waiting); the feeding thread {@link #take}s the newest.
 */
public final class SampleSlot {

    private final AtomicReference<MetricSample> newest = new AtomicReference<>();
    private final AtomicLong coalesced = new AtomicLong();

    /** @return true when the slot was empty, so the feeding thread has to be told */
    public boolean offer(MetricSample sample) {
        boolean wasEmpty = newest.getAndSet(sample) == null;
        if (!wasEmpty) {
            coalesced.incrementAndGet();
        }
        return wasEmpty;
    }

    /** The newest sample, or null when it was taken already. */
    public MetricSample take() {
        return newest.getAndSet(null);
    }

    /** Samples replaced by a newer one before the rules saw them. */
    public long coalesced() {
        return coalesced.get();
    }
}

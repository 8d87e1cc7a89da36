package com.arasul.storage.internal;

import com.arasul.storage.StorageHealth;
import com.arasul.storage.StorageProperties;
import io.minio.errors.MinioException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;

/**
 * Looks at the object storage on a schedule of its own: every probe interval while it is up, and
 * with a wait that doubles up to the longest back-off while it is down. At the first look that finds
 * it up, and at every return after an outage, the buckets are reconciled.
 */
public final class StorageMonitor implements Trigger {

    private static final Logger log = LoggerFactory.getLogger(StorageMonitor.class);

    private final MinioObjectStorage storage;
    private final StorageProperties properties;
    private final Clock clock;
    private volatile Duration wait;
    private volatile boolean reconciled;
    private volatile Reconciled last = new Reconciled(null, List.of(), List.of());

    /** The last reconcile: when, the warnings it raised, and the APIs the server lacks. */
    public record Reconciled(Instant at, List<String> warnings, List<String> unsupported) {
    }

    public StorageMonitor(MinioObjectStorage storage, StorageProperties properties, Clock clock) {
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
        this.wait = properties.probeInterval();
    }

    /** One look; the health it found, or null when storage is not configured. */
    public StorageHealth check() {
        if (!storage.configured()) {
            return null;
        }
        String problem = storage.probe();
        if (problem == null && (!reconciled || due())) {
            problem = reconcile();
        }
        StorageHealth health;
        if (problem == null) {
            if (!storage.health().up()) {
                log.info("Object storage is up at {}", properties.resolvedEndpoint());
            }
            health = new StorageHealth(StorageHealth.UP, "The object storage answers and lists its buckets.", clock.instant());
            wait = properties.probeInterval();
        } else {
            if (storage.health().up() || reconciled) {
                log.warn("Object storage is down: {}", problem);
            }
            reconciled = false;
            health = new StorageHealth(StorageHealth.DOWN, "The object storage is down: " + problem + ".", clock.instant());
            Duration doubled = wait.multipliedBy(2);
            wait = doubled.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : doubled;
        }
        storage.health(health);
        return health;
    }

    private String reconcile() {
        try {
            BucketReconciler.Outcome outcome = storage.reconcile();
            outcome.changes().forEach(c -> log.info("Object storage: {}", c));
            outcome.warnings().forEach(w -> log.warn("Object storage: {}", w));
            outcome.unsupported().forEach(u -> log.info("Object storage: {}", u));
            last = new Reconciled(clock.instant(), List.copyOf(outcome.warnings()), List.copyOf(outcome.unsupported()));
            reconciled = true;
            return null;
        } catch (MinioException | RuntimeException e) {
            return "its buckets could not be set up (" + MinioObjectStorage.reason(e) + ")";
        }
    }

    /** A setting changed by hand is found at the latest one reconcile interval later. */
    private boolean due() {
        Instant at = last.at();
        return at == null || !at.plus(properties.reconcileInterval()).isAfter(clock.instant());
    }

    public Reconciled lastReconcile() {
        return last;
    }

    /** Asks for a reconcile at the next look, e.g. after a setting was changed by hand. */
    public void reconcileAgain() {
        reconciled = false;
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant lastDone = context.lastCompletion();
        return lastDone == null ? clock.instant() : lastDone.plus(wait);
    }
}

package com.arasul.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * What the box is busy with right now, shared by the healing and the update capabilities without
 * either reaching into the other: healing leaves alone the services an update is handling, and an
 * update (or a reboot) is not started while critical healing (category C or D) is under way.
 * In memory only: after a restart the update capability re-registers an update it resumes.
 */
@Component
public class ApplianceActivity {

    /** An update being applied, and the services it stops, replaces and restarts. */
    public record RunningUpdate(UUID packageId, String version, Set<String> services, Instant since) {
    }

    /** Critical healing under way: its category (C or D) and why. */
    public record CriticalHealing(String category, String reason, Instant since) {
    }

    private final AtomicReference<RunningUpdate> update = new AtomicReference<>();
    private final AtomicReference<CriticalHealing> critical = new AtomicReference<>();

    /** @return false when another update is already running (nothing changes then) */
    public boolean updateStarted(UUID packageId, String version, Set<String> services) {
        return update.compareAndSet(null, new RunningUpdate(packageId, version, Set.copyOf(services), Instant.now()));
    }

    public void updateEnded(UUID packageId) {
        update.updateAndGet(current -> current != null && current.packageId().equals(packageId) ? null : current);
    }

    public Optional<RunningUpdate> runningUpdate() {
        return Optional.ofNullable(update.get());
    }

    public boolean isUnderUpdate(String service) {
        RunningUpdate current = update.get();
        return current != null && current.services().contains(service);
    }

    public void criticalHealingStarted(String category, String reason) {
        critical.set(new CriticalHealing(category, reason, Instant.now()));
    }

    public void criticalHealingEnded() {
        critical.set(null);
    }

    public Optional<CriticalHealing> criticalHealing() {
        return Optional.ofNullable(critical.get());
    }
}

package com.arasul.healing.internal;

import com.arasul.containers.ContainerEvent;
import com.arasul.containers.ManagedService;
import com.arasul.healing.ServiceInterventions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what people did to the services in scope, from the container events as the containers
 * module tells their cause: a {@code die} after a person's {@code kill} is a stop by an
 * administrator until the service runs again (its {@code start} event, or the poll finding it
 * running); a {@code destroy} of its current container by a person is a removal, until a
 * container with the same label is created. Fed on the one feeding thread, read by the APIs; its
 * rows and notices are written on the journal's thread ({@link JournalWriter}), so that the feeding
 * thread never waits for the database.
 */
public final class Interventions implements ServiceInterventions {

    static final Duration REMOVED_SHOWN = Duration.ofHours(1);

    private final JournalWriter journal;
    private final InterventionRecords records;
    private final AnnouncedMaintenance maintenance;
    private final Clock clock;
    private final Map<String, Instant> stopped = new ConcurrentHashMap<>();
    private final Map<String, Instant> removed = new ConcurrentHashMap<>();
    private final Map<String, String> containers = new ConcurrentHashMap<>();

    /** Picks up what people did before the appliance (re)started. */
    public Interventions(JournalWriter journal, InterventionRecords records, AnnouncedMaintenance maintenance,
            Clock clock) {
        this.journal = journal;
        this.records = records;
        this.maintenance = maintenance;
        this.clock = clock;
        for (var i : records.interventions()) {
            (InterventionRecords.STOPPED.equals(i.kind()) ? stopped : removed).put(i.service(), i.since());
            if (i.containerId() != null && InterventionRecords.STOPPED.equals(i.kind())) {
                containers.put(i.service(), i.containerId());
            }
        }
    }

    /** Takes in one event of a service in scope; answers whether the service is now removed. */
    boolean event(ContainerEvent e) {
        String service = e.service();
        switch (e.action()) {
            case ContainerEvent.CREATE -> {
                containers.put(service, e.containerId());
                if (removed.remove(service) != null) {
                    over(service);
                }
            }
            case ContainerEvent.START -> {
                containers.put(service, e.containerId());
                boolean wasRemoved = removed.remove(service) != null;
                boolean wasStopped = stopped.remove(service) != null;
                if (wasStopped) {
                    notice(EventTypes.SERVICE_RUNS_AGAIN, service, service + " runs again; healing looks after it again.", e);
                }
                if (wasRemoved || wasStopped) {
                    over(service);
                }
            }
            case ContainerEvent.DIE -> {
                if (ContainerEvent.ADMINISTRATOR.equals(e.cause()) && current(service, e.containerId())) {
                    stopped.put(service, e.timestamp());
                    journal.write(j -> records.intervened(service, InterventionRecords.STOPPED, e.containerId(),
                            e.timestamp()));
                    notice(EventTypes.SERVICE_STOPPED, service, service + " was stopped by an administrator (exit code "
                            + e.exitCode() + "); healing leaves it alone until it runs again.", e);
                }
            }
            case ContainerEvent.DESTROY -> {
                if (ContainerEvent.ADMINISTRATOR.equals(e.cause()) && current(service, e.containerId())) {
                    containers.remove(service);
                    stopped.remove(service);
                    removed.put(service, e.timestamp());
                    journal.write(j -> records.intervened(service, InterventionRecords.REMOVED, e.containerId(),
                            e.timestamp()));
                    notice(EventTypes.SERVICE_REMOVED, service, "The container of " + service
                            + " was removed; it is no longer managed until a container with its label is created.", e);
                    return true;
                }
            }
            default -> {
                // health and the rest change nothing a person did
            }
        }
        return false;
    }

    /** The poll: a service found running runs again however it was started; one listed is not removed. */
    void polled(ManagedService s) {
        containers.put(s.name(), s.containerId());
        boolean over = removed.remove(s.name()) != null;
        if (s.running()) {
            over |= stopped.remove(s.name()) != null;
        }
        if (over) {
            over(s.name());
        }
    }

    boolean stopped(String service) {
        return stopped.containsKey(service);
    }

    @Override
    public Optional<Instant> stoppedByAdministrator(String service) {
        return Optional.ofNullable(stopped.get(service));
    }

    @Override
    public Map<String, Instant> removed() {
        Instant shownSince = clock.instant().minus(REMOVED_SHOWN);
        removed.entrySet().removeIf(r -> {
            boolean old = r.getValue().isBefore(shownSince);
            if (old) {
                over(r.getKey());
            }
            return old;
        });
        return new TreeMap<>(removed);
    }

    @Override
    public Optional<MaintenanceWindow> maintenance() {
        return maintenance.active();
    }

    /** The event is about the container the service has now (or one not seen yet), not a replaced one. */
    private boolean current(String service, String containerId) {
        String known = containers.get(service);
        return known == null || known.equals(containerId);
    }

    /** Written beside the feeding thread, in order: a crash of another service queued behind it does not wait. */
    private void notice(String type, String service, String text, ContainerEvent e) {
        journal.write(j -> j.event(type, EventTypes.INFO, null, service, null, text, null, null, e.timestamp()));
    }

    private void over(String service) {
        journal.write(j -> records.over(service));
    }
}

package com.arasul.healing.internal;

import com.arasul.healing.ServiceInterventions.MaintenanceWindow;
import com.arasul.healing.facts.Maintenance;
import com.arasul.rules.RuleSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A maintenance the owner announced: until it ends (by itself, or ended early) the decider lets
 * nothing run. The rules see it as the {@link Maintenance} fact. Services a person stopped during
 * it stay stopped after it: that is {@link Interventions}' business, not a matter of the window.
 */
public final class AnnouncedMaintenance {

    static final int MAX_MINUTES = 24 * 60;
    static final int MAX_REASON = 500;
    private static final String KEY = "maintenance";

    private final HealingJournal journal;
    private final InterventionRecords records;
    private final Clock clock;
    private RuleSession rules;
    private MaintenanceWindow current;

    /** Goes on with a maintenance announced before the appliance (re)started, if it has not ended yet. */
    public AnnouncedMaintenance(HealingJournal journal, InterventionRecords records, Clock clock) {
        this.journal = journal;
        this.records = records;
        this.clock = clock;
        this.current = records.maintenance().orElse(null);
    }

    /** The rule session to tell; set once the session is up. */
    synchronized void tell(RuleSession session) {
        this.rules = session;
        session.upsert(KEY, fact());
    }

    /** @throws IllegalArgumentException for minutes outside 1 to 1440 or a reason that is blank or too long */
    public synchronized MaintenanceWindow start(Integer minutes, String reason) {
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("minutes must be between 1 and " + MAX_MINUTES);
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be 1 to " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        current = new MaintenanceWindow(reason.strip(), now, now.plus(Duration.ofMinutes(minutes)));
        journal.event(EventTypes.MAINTENANCE_STARTED, EventTypes.INFO, null, null, null, "Maintenance until "
                + current.until() + " (" + current.reason() + "): healing decides and records, but runs nothing.",
                null, null, now);
        publish();
        return current;
    }

    /** Ends it early; false when none was under way. */
    public synchronized boolean end() {
        return active().isPresent() && finish("ended early");
    }

    /** The maintenance under way; one whose time is up ends here. */
    public synchronized Optional<MaintenanceWindow> active() {
        if (current != null && !clock.instant().isBefore(current.until())) {
            finish("its time is up");
        }
        return Optional.ofNullable(current);
    }

    private boolean finish(String how) {
        MaintenanceWindow ended = current;
        current = null;
        journal.event(EventTypes.MAINTENANCE_ENDED, EventTypes.INFO, null, null, null, "Maintenance ("
                + ended.reason() + ") is over, " + how + "; healing acts again. Services stopped by an administrator"
                + " stay stopped.", null, null, clock.instant());
        publish();
        return true;
    }

    private void publish() {
        records.maintenance(current);
        if (rules != null) {
            rules.upsert(KEY, fact());
        }
    }

    private Maintenance fact() {
        return current == null ? Maintenance.none()
                : new Maintenance(true, current.reason(), current.until().toEpochMilli());
    }
}

package com.arasul.updates.internal.apply;

import com.arasul.platform.DatabaseDump;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.UpdateJournal;
import com.arasul.updates.UpdateStep;
import com.arasul.updates.format.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each step of applying a package does. Every step may be run again after an interruption
 * and ends where one uninterrupted run would have; each writes update events an owner can follow.
 */
final class ApplySteps {

    private final ServiceSteps services;
    private final PackageMigrations migrations;
    private final PackageRules rules;
    private final DatabaseDump dump;
    private final ApplyRecords records;
    private final UpdateJournal journal;
    private final InstalledVersion installed;
    private final JdbcTemplate jdbc;
    private final ApplyProperties properties;

    ApplySteps(ServiceSteps services, PackageMigrations migrations, PackageRules rules, DatabaseDump dump,
            ApplyRecords records, UpdateJournal journal, InstalledVersion installed, JdbcTemplate jdbc,
            ApplyProperties properties) {
        this.services = services;
        this.migrations = migrations;
        this.rules = rules;
        this.dump = dump;
        this.records = records;
        this.journal = journal;
        this.installed = installed;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    List<String> affected(ApplyJob job) {
        return services.affected(job);
    }

    /** Why the package cannot be applied on this box, checked before anything is saved or changed. */
    Optional<String> refusal(ApplyJob job) {
        for (String service : job.services()) {
            if (service.equals(properties.selfService())) {
                return Optional.of("This package replaces the appliance's own container (" + service
                        + "), which cannot update itself yet; nothing was changed.");
            }
            if (services.service(service).isEmpty()) {
                return Optional.of("This package is for the service " + service + ", which does not run on this box; nothing was changed.");
            }
        }
        for (Component.Image image : job.images()) {
            if (!Files.isRegularFile(job.staging().resolve(image.file()))) {
                return Optional.of("The verified files of this package are no longer on the box; nothing was changed.");
            }
        }
        if (job.migrationsDir().isPresent()) {
            if (PackageMigrations.masterOf(job.migrationsDir().get()).isEmpty()) {
                return Optional.of("The package's database changes have no changelog.sql (or .xml, .yaml) at the top of their folder; nothing was changed.");
            }
            if (dump.pgDump().isEmpty()) {
                return Optional.of("This package changes the database, but pg_dump was not found (neither beside the embedded "
                        + "database nor on the PATH), so no backup of the database could be made; nothing was changed.");
            }
        }
        if (job.rulesDir().isPresent()) {
            List<String> errors = rules.validate(job.rulesDir().get());
            if (!errors.isEmpty()) {
                return Optional.of("The package's rules do not compile, so they were not installed; nothing was changed. First problem: "
                        + errors.getFirst());
            }
        }
        return Optional.empty();
    }

    ApplyRecords.Backup backup(ApplyJob job) {
        journal.record(job.id(), UpdateStep.BACKUP, "started", "Saving what the update will change: " + job.whatChanges() + "…");
        var saved = job.services().stream().map(services::backup).toList();
        String tag = null;
        String dbDump = null;
        if (job.migrationsDir().isPresent()) {
            Path dir = job.migrationsDir().get();
            tag = "before-" + job.id();
            migrations.tag(dir, PackageMigrations.masterOf(dir).orElseThrow(), tag);
            Path file = job.backupDir().resolve("database.dump");
            dump.dump(dump.pgDump().orElseThrow(), file);
            dbDump = file.toString();
        }
        String rulesCopy = null;
        if (job.rulesDir().isPresent()) {
            Path copy = job.backupDir().resolve("rules");
            rules.backup(copy);
            rulesCopy = copy.toString();
        }
        var backup = new ApplyRecords.Backup(saved, tag, rulesCopy, dbDump);
        records.saveBackup(job.id(), backup);
        journal.record(job.id(), UpdateStep.BACKUP, "done", "The current state is saved, so it can be put back if the update goes wrong.");
        return backup;
    }

    void install(ApplyJob job) {
        for (String service : services.touchedInOrder(job)) {
            Component.Image image = job.images().stream().filter(i -> i.service().equals(service)).findFirst().orElseThrow();
            journal.record(job.id(), UpdateStep.INSTALL, "started", "Installing image for " + service + " (v" + job.version() + ")…");
            String reference = services.install(job, image);
            journal.record(job.id(), UpdateStep.INSTALL, "done", service + " now runs " + reference + ".");
        }
        job.migrationsDir().ifPresent(dir -> {
            journal.record(job.id(), UpdateStep.INSTALL, "started", "Updating the database…");
            migrations.update(dir, PackageMigrations.masterOf(dir).orElseThrow());
            journal.record(job.id(), UpdateStep.INSTALL, "done", "The database is updated.");
        });
        job.rulesDir().ifPresent(dir -> {
            journal.record(job.id(), UpdateStep.INSTALL, "started", "Installing the new rules…");
            rules.install(dir);
            journal.record(job.id(), UpdateStep.INSTALL, "done", "The new rules are in place.");
        });
    }

    void restart(ApplyJob job) {
        List<String> restarted = services.restartDependents(job);
        journal.record(job.id(), UpdateStep.RESTART, "done", restarted.isEmpty()
                ? "No other service needed a restart."
                : "Restarted the services that depend on the update: " + String.join(", ", restarted) + ".");
    }

    /** Empty when the box is healthy, else why not. */
    Optional<String> healthGate(ApplyJob job) {
        if (!job.services().isEmpty()) {
            journal.record(job.id(), UpdateStep.HEALTH_GATE, "started", "Waiting up to " + properties.healthTimeout().toSeconds()
                    + " s for " + String.join(", ", job.services()) + " to run and be healthy…");
        }
        Optional<String> unhealthy = services.awaitHealthy(job, properties.healthTimeout());
        if (unhealthy.isPresent()) {
            return unhealthy;
        }
        try {
            jdbc.queryForObject("select 1", Integer.class);
        } catch (RuntimeException e) {
            return Optional.of("The appliance cannot reach its database after the update; restoring the previous version");
        }
        journal.record(job.id(), UpdateStep.HEALTH_GATE, "done", "Everything the update touched is running and healthy.");
        return Optional.empty();
    }

    void commit(ApplyJob job) {
        installed.record(job.manifest().version(), job.id());
        job.services().forEach(services::discardPrevious);
        journal.record(job.id(), UpdateStep.COMMIT, "done", "Version " + job.version() + " is installed.");
    }

    /** Puts back everything the backup holds; the problems it could not solve, empty when none. */
    List<String> rollback(ApplyJob job, Optional<ApplyRecords.Backup> backup) {
        journal.record(job.id(), UpdateStep.ROLLBACK, "started", "Restoring the previous version…");
        List<String> problems = new ArrayList<>();
        if (backup.isEmpty()) {
            return problems; // nothing had been changed before the backup was saved
        }
        List<String> touched = new ArrayList<>(services.touchedInOrder(job));
        for (String service : touched) {
            backup.get().service(service).flatMap(before -> attempt(() -> services.rollback(service, before).orElse(null)))
                    .ifPresent(problems::add);
        }
        String tag = backup.get().liquibaseTag();
        if (tag != null && job.migrationsDir().isPresent()) {
            Path dir = job.migrationsDir().get();
            attempt(() -> {
                migrations.rollback(dir, PackageMigrations.masterOf(dir).orElseThrow(), tag);
                return null;
            }).ifPresent(p -> problems.add("database: " + p + " (a full dump is at " + backup.get().dbDump() + ")"));
        }
        if (backup.get().rulesCopy() != null) {
            attempt(() -> {
                rules.restore(Path.of(backup.get().rulesCopy()));
                return null;
            }).ifPresent(p -> problems.add("rules: " + p));
        }
        attempt(() -> {
            services.restartDependents(job);
            return null;
        }).ifPresent(p -> problems.add("restart: " + p));
        return problems;
    }

    private interface Attempt {
        String run();
    }

    private static Optional<String> attempt(Attempt attempt) {
        try {
            return Optional.ofNullable(attempt.run());
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}

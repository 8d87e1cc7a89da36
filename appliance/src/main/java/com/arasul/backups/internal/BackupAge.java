package com.arasul.backups.internal;

import com.arasul.system.StatusContributor;
import com.arasul.system.SystemStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The system status warns when the last good backup is older than the limit (2 days unless configured). */
@Component
class BackupAge implements StatusContributor {

    private final BackupJobs jobs;

    BackupAge(BackupJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<Reason> reasons(Instant now) {
        Duration limit = jobs.properties().staleAfter();
        var last = jobs.records().lastSuccess();
        if (last.isEmpty()) {
            // a new box has had no chance yet; one whose runs have failed for longer than the limit has
            var first = jobs.records().firstStarted();
            if (first.isPresent() && Duration.between(first.get(), now).compareTo(limit) > 0) {
                return List.of(new Reason(SystemStatus.Level.WARNING, "No backup has succeeded yet: look at why under "
                        + "Storage & backups and start one with \"Back up now\"."));
            }
            return List.of();
        }
        Duration age = Duration.between(last.get().finishedAt(), now);
        if (age.compareTo(limit) <= 0) {
            return List.of();
        }
        return List.of(new Reason(SystemStatus.Level.WARNING, "The last good backup is %d days old: look at why the "
                .formatted(age.toDays()) + "daily backups fail under Storage & backups and start one with \"Back up now\"."));
    }
}

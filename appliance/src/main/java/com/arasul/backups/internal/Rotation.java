package com.arasul.backups.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups to keep: the newest of each of the last {@code daily} days, then the newest of each of
 * the next {@code weekly} weeks, then of the next {@code monthly} months; everything else goes.
 */
final class Rotation {

    record Backup(String name, Instant at) {
    }

    private Rotation() {
    }

    static List<Backup> toDelete(List<Backup> backups, int daily, int weekly, int monthly, ZoneId zone) {
        List<Backup> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Backup::at).reversed());
        Set<Backup> keep = new LinkedHashSet<>();
        keepOnePer(newestFirst, daily, b -> day(b, zone).toString(), keep);
        keepOnePer(newestFirst, weekly, b -> {
            LocalDate d = day(b, zone);
            return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, keep);
        keepOnePer(newestFirst, monthly, b -> day(b, zone).getYear() + "-" + day(b, zone).getMonthValue(), keep);
        return newestFirst.stream().filter(b -> !keep.contains(b)).toList();
    }

    private static void keepOnePer(List<Backup> newestFirst, int periods, java.util.function.Function<Backup, String> period,
            Set<Backup> keep) {
        Set<String> seen = new HashSet<>();
        // periods already covered by a backup kept at a finer step count too
        for (Backup kept : keep) {
            seen.add(period.apply(kept));
        }
        int added = 0;
        for (Backup backup : newestFirst) {
            if (added >= periods) {
                break;
            }
            if (seen.add(period.apply(backup))) {
                keep.add(backup);
                added++;
            }
        }
    }

    private static LocalDate day(Backup backup, ZoneId zone) {
        return backup.at().atZone(zone).toLocalDate();
    }
}

package com.arasul.backups.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationTests {

    @Test
    void keepsSevenDailiesFourWeekliesAndSixMonthlies() {
        Instant newest = Instant.parse("2026-12-07T03:00:00Z");
        List<Rotation.Backup> backups = new ArrayList<>();
        for (int day = 0; day < 400; day++) {
            Instant at = newest.minus(day, ChronoUnit.DAYS);
            backups.add(new Rotation.Backup(BackupStore.nameFor(at), at));
        }

        var deleted = Rotation.toDelete(backups, 7, 4, 6, ZoneOffset.UTC);

        var kept = backups.stream().filter(b -> !deleted.contains(b)).toList();
        assertThat(kept).hasSize(7 + 4 + 6);
        assertThat(kept.subList(0, 7)).isEqualTo(backups.subList(0, 7));
        assertThat(kept.getLast().at()).isAfter(newest.minus(400, ChronoUnit.DAYS));
    }

    @Test
    void keepsEverythingWhileThereAreFewerThanTheDailies() {
        Instant at = Instant.parse("2026-12-07T03:00:00Z");
        var backups = List.of(new Rotation.Backup("a", at), new Rotation.Backup("b", at.minus(1, ChronoUnit.DAYS)));

        assertThat(Rotation.toDelete(backups, 7, 4, 6, ZoneOffset.UTC)).isEmpty();
    }
}

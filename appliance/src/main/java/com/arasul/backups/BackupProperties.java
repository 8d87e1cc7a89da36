package com.arasul.backups;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When backups run and how many are kept.
 *
 * @param time the daily backup's time of day on the box's clock ({@code ARASUL_BACKUP_TIME})
 * @param keepDaily newest backups kept, one per day
 * @param keepWeekly then one per week
 * @param keepMonthly then one per month
 * @param dumpTimeout the longest pg_dump, pg_restore may take
 * @param staleAfter the system status warns when the last good backup is older
 */
@Validated
@ConfigurationProperties("arasul.backups")
public record BackupProperties(
        @NotNull @DefaultValue("03:00") LocalTime time,
        @Min(1) @DefaultValue("7") int keepDaily,
        @Min(0) @DefaultValue("4") int keepWeekly,
        @Min(0) @DefaultValue("6") int keepMonthly,
        @NotNull @DefaultValue("30m") Duration dumpTimeout,
        @NotNull @DefaultValue("2d") Duration staleAfter) {

    /** The daily time as a cron expression. */
    public String cron() {
        return "0 " + time.getMinute() + " " + time.getHour() + " * * *";
    }
}

package com.arasul.backups;

import com.arasul.backups.internal.BackupJobs;
import com.arasul.platform.DataDirectory;
import com.arasul.platform.DatabaseDump;
import com.arasul.storage.ObjectStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The path of a backup: the daily trigger (or the owner's "back up now") starts one run on the
 * backup's single worker, which dumps, archives, verifies, stores and rotates.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupProperties.class)
public class BackupsFlows {

    @Bean(destroyMethod = "close")
    BackupJobs backupJobs(DataSource dataSource, JdbcTemplate jdbc, DataDirectory dataDirectory, ObjectStorage storage,
            ObjectProvider<BuildProperties> build, BackupProperties properties, Environment environment) {
        Path rulesDir = Path.of(environment.getProperty("arasul.rules.dir", dataDirectory.root().resolve("rules").toString()));
        var dump = new DatabaseDump(dataSource, dataDirectory.root().resolve("postgres-runtime"), properties.dumpTimeout());
        return BackupJobs.create(dataSource, jdbc, dump, dataDirectory.folder("backups"), storage, rulesDir,
                dataDirectory.config().resolve("update-keys"), () -> installedVersion(jdbc, build), properties,
                Clock.systemDefaultZone());
    }

    /** The version an update last installed (the installed_version row), else the application's own. */
    private static String installedVersion(JdbcTemplate jdbc, ObjectProvider<BuildProperties> build) {
        var rows = jdbc.queryForList("select version from installed_version where id = 1", String.class);
        if (!rows.isEmpty()) {
            return rows.getFirst();
        }
        BuildProperties properties = build.getIfAvailable();
        return properties != null && properties.getVersion() != null ? properties.getVersion() : "0.0.0";
    }

    /** The daily backup at the configured time of the box's clock. */
    @Bean
    IntegrationFlow dailyBackup(BackupJobs jobs, BackupProperties properties) {
        return IntegrationFlow.fromSupplier(() -> jobs.submit("daily").orElse(null),
                        e -> e.id("dailyBackupTrigger").poller(Pollers.cron(properties.cron())))
                .nullChannel();
    }
}

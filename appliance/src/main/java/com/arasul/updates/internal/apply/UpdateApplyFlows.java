package com.arasul.updates.internal.apply;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.ImageOperations;
import com.arasul.platform.ApplianceActivity;
import com.arasul.platform.DataDirectory;
import com.arasul.platform.DatabaseDump;
import com.arasul.rules.RuleCompiler;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.UpdateChannels;
import com.arasul.updates.UpdateJournal;
import com.arasul.updates.internal.intake.FreeDisk;
import com.arasul.updates.internal.intake.UpdateValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

/** Applying packages: the apply queue → claim (in the poller's transaction) → the apply state machine. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApplyProperties.class)
class UpdateApplyFlows {

    /**
     * One package id at a time from the intake's durable queue, taken in a transaction that also
     * claims it: the queue's JDBC message store deletes the message on the same connection, in the
     * same transaction, as the claim's update, so a package is never gone from the queue yet unclaimed.
     */
    @Bean
    IntegrationFlow updateApplyFlow(ApplyClaim claim, ApplyProperties properties, PlatformTransactionManager transactions,
            ApplyThread thread) {
        return IntegrationFlow.from(UpdateChannels.APPLY_QUEUE)
                .handle(String.class, (id, headers) -> {
                    claim.claim(id);
                    return null;
                }, e -> e.id("updateApplyClaim")
                        .taskScheduler(thread.scheduler())
                        .poller(p -> p.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(1)
                                // the first advice is the outermost: the apply runs after the transaction is over
                                .advice(claim.applyOnceCommitted()).transactional(transactions)))
                .get();
    }

    @Bean(destroyMethod = "close")
    ApplyThread updateApplyThread() {
        return new ApplyThread();
    }

    /**
     * The one thread an apply runs on, for minutes: apart from the pollers of every other flow. Held
     * in a wrapper rather than exposed as a TaskScheduler bean, which would make Spring Boot drop its
     * own scheduler and run every {@code @Scheduled} job on this thread.
     */
    static final class ApplyThread implements AutoCloseable {

        private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

        ApplyThread() {
            scheduler.setPoolSize(1);
            scheduler.setThreadNamePrefix("update-apply-");
            scheduler.setWaitForTasksToCompleteOnShutdown(false);
            scheduler.initialize();
        }

        ThreadPoolTaskScheduler scheduler() {
            return scheduler;
        }

        @Override
        public void close() {
            scheduler.shutdown();
        }
    }

    @Bean
    ApplyClaim applyClaim(ApplyRecords records, ApplyEngine engine) {
        return new ApplyClaim(records, engine);
    }

    @Bean
    ApplyEngine applyEngine(ApplyRecords records, UpdateJournal journal, ApplianceActivity activity, ContainerActions containers,
            ImageOperations images, DataSource dataSource, JdbcTemplate jdbc, InstalledVersion installed,
            ApplyProperties properties, DataDirectory dataDirectory, Environment environment, UpdateValidator validator,
            FreeDisk freeDisk) {
        Path rulesDir = Path.of(environment.getProperty("arasul.rules.dir", dataDirectory.root().resolve("rules").toString()))
                .toAbsolutePath().normalize();
        var steps = new ApplySteps(new ServiceSteps(containers, images), new PackageMigrations(dataSource),
                new PackageRules(new RuleCompiler(Clock.systemUTC()), rulesDir),
                new DatabaseDump(dataSource, dataDirectory.root().resolve("postgres-runtime"), properties.pgDumpTimeout()),
                records, journal, installed, jdbc, properties);
        Path updates = dataDirectory.root().resolve("updates");
        Path staged = updates.resolve("staged");
        return new ApplyEngine(records, steps, journal, activity, staged, updates.resolve("backups"),
                new StillApplicable(validator, freeDisk, staged, records, journal));
    }

    /**
     * The packages the previous run left half applied, read while the beans are made, before the
     * apply queue's poller starts: a package this run claims is never mistaken for one of them.
     */
    record InterruptedAtStart(List<UUID> ids) {
    }

    @Bean
    InterruptedAtStart updateInterruptedAtStart(ApplyRecords records) {
        return new InterruptedAtStart(List.copyOf(records.interrupted()));
    }

    /**
     * A start that finds packages left half applied puts them back on the queue; the engine then
     * resumes or rolls each back (see {@link ApplyEngine}'s decision table).
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        var queue = context.getBean(UpdateChannels.APPLY_QUEUE, MessageChannel.class);
        for (var id : context.getBean(InterruptedAtStart.class).ids()) {
            queue.send(MessageBuilder.withPayload(id.toString()).build());
        }
    }
}

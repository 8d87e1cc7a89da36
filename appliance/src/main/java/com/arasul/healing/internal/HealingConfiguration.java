package com.arasul.healing.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.healing.HealingProperties;
import com.arasul.healing.SafetyFloor;
import com.arasul.platform.ApplianceActivity;
import com.arasul.platform.LiveConnections;
import com.arasul.rules.RuleSets;
import com.arasul.rules.RulesProperties;
import java.time.Clock;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The healing engine's core: its rule session, the feeder and decider around it, its records and live stream. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties({HealingProperties.class, HealingEngineProperties.class})
public class HealingConfiguration {

    /** The channel the rule session hands what it emits to (ActionRequests and FailureNoticed). */
    public static final String DECISIONS = "healingDecisions";
    private static final Logger log = LoggerFactory.getLogger(HealingConfiguration.class);

    @Bean
    ServiceScope healingScope(HealingEngineProperties engine) {
        return new ServiceScope(engine.scope());
    }

    @Bean
    SafetyFloor safetyFloor(HealingProperties properties, ObjectProvider<Clock> clock) {
        return new SafetyFloor(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    HealingRuleSource healingRuleSource(RuleSets ruleSets) {
        return new HealingRuleSource(ruleSets);
    }

    @Bean(destroyMethod = "close")
    HealingSession healingSession(HealingRuleSource rules, HealingProperties properties, HealingEngineProperties engine,
            RulesProperties limits, @Qualifier(DECISIONS) MessageChannel decisions) {
        HealingSession session = HealingSession.start(rules.whenReady(), properties.thresholds(), engine.factQueue(),
                null, out -> {
                    try {
                        // never blocks the session thread: a full decision queue drops and logs
                        decisions.send(MessageBuilder.withPayload(out).build(), 0);
                    } catch (MessageDeliveryException e) {
                        log.warn("Healing decision dropped (queue full or flows stopped): {}", out);
                    }
                });
        rules.onChange(kieBase -> session.rules().swap(kieBase));
        // rules that fire for ever or fail are set aside; the last good ones come back through onChange
        session.rules().limitFiring(limits.maxFirings(), limits.firingBudget(),
                runaway -> rules.ruleSet().setAside(runaway.kieBase(), runaway.reason()));
        return session;
    }

    @Bean
    HealingRulesCheck healingRulesCheck(HealingSession session) {
        return new HealingRulesCheck(session);
    }

    @Bean
    SampleSlot healingSampleSlot() {
        return new SampleSlot();
    }

    /** Read at once by what uses it, so after Liquibase made its tables. */
    @Bean
    @DependsOnDatabaseInitialization
    InterventionRecords interventionRecords(DataSource dataSource) {
        return new InterventionRecords(dataSource);
    }

    @Bean
    AnnouncedMaintenance announcedMaintenance(HealingJournal journal, InterventionRecords records,
            ObjectProvider<Clock> clock) {
        return new AnnouncedMaintenance(journal, records, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Interventions serviceInterventions(JournalWriter journal, InterventionRecords records,
            AnnouncedMaintenance maintenance, ObjectProvider<Clock> clock) {
        return new Interventions(journal, records, maintenance, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FactFeeder healingFactFeeder(HealingSession session, SampleSlot slot, ServiceScope scope,
            Interventions interventions, AnnouncedMaintenance maintenance) {
        maintenance.tell(session.rules());
        return new FactFeeder(session.rules(), slot, scope, interventions);
    }

    @Bean
    LiveHealingEvents liveHealingEvents(HealingEngineProperties engine, JsonMapper json, LiveConnections connections) {
        return new LiveHealingEvents(engine, boundedSingleThread("healing-live-", 1000, new ThreadPoolExecutor.DiscardPolicy()),
                json, connections);
    }

    @Bean
    WebSocketConfigurer liveHealingEndpoint(LiveHealingEvents handler) {
        return registry -> registry.addHandler(handler.endpoint(), LiveHealingEvents.PATH);
    }

    @Bean
    HealingJournal healingJournal(DataSource dataSource, LiveHealingEvents live) {
        return new HealingJournal(dataSource, live);
    }

    @Bean(destroyMethod = "close")
    BackoffRetries healingBackoffRetries(SafetyFloor floor, ContainerActions containers) {
        return new BackoffRetries(floor, containers);
    }

    @Bean(destroyMethod = "close")
    JournalWriter healingJournalWriter(HealingJournal journal, HealingEngineProperties engine) {
        return new JournalWriter(journal, engine.decisionQueue());
    }

    @Bean
    Decider healingDecider(SafetyFloor floor, ApplianceActivity activity, ServiceScope scope, JournalWriter journal,
            AnnouncedMaintenance maintenance, BackoffRetries retries, ObjectProvider<Clock> clock) {
        return new Decider(floor, activity, scope, journal, maintenance, retries, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DockerNotices dockerNotices(HealingJournal journal) {
        return new DockerNotices(journal);
    }

    @Bean
    ActionRecorder healingActionRecorder(JournalWriter journal, ApplianceActivity activity,
            HealingEngineProperties engine, Decider decider, ObjectProvider<Clock> clock) {
        return new ActionRecorder(journal, activity, engine.criticalQuiet(), clock.getIfAvailable(Clock::systemUTC),
                decider::mode);
    }

    @Bean
    ManualRestarts manualRestarts(ContainerActions containers, HealingSession session, HealingJournal journal) {
        return new ManualRestarts(containers, session.rules(), journal);
    }

    /** One thread and a bounded queue; what does not fit is dropped (and the caller counts or logs it). */
    public static ThreadPoolTaskExecutor boundedSingleThread(String prefix, int queue,
            java.util.concurrent.RejectedExecutionHandler whenFull) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(queue);
        executor.setRejectedExecutionHandler(whenFull);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}

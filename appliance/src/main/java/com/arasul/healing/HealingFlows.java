package com.arasul.healing;

import com.arasul.containers.ContainerChannels;
import com.arasul.healing.internal.ActionCompletion;
import com.arasul.healing.internal.ActionLanes;
import com.arasul.healing.internal.AnnouncedMaintenance;
import com.arasul.healing.internal.ActionRecorder;
import com.arasul.healing.internal.AiHealing;
import com.arasul.healing.internal.BackoffRetries;
import com.arasul.healing.internal.DatabaseMaintenance;
import com.arasul.healing.internal.Decider;
import com.arasul.healing.internal.DiskCleanup;
import com.arasul.healing.internal.DockerDaemonSignals;
import com.arasul.healing.internal.DockerHealing;
import com.arasul.healing.internal.DockerNotices;
import com.arasul.healing.internal.FactFeeder;
import com.arasul.healing.internal.FailureNoticed;
import com.arasul.healing.internal.HealingConfiguration;
import com.arasul.healing.internal.HealingEngineProperties;
import com.arasul.healing.internal.HostHealing;
import com.arasul.healing.internal.PlannedAction;
import com.arasul.healing.internal.RebootProcedure;
import com.arasul.healing.internal.SampleSlot;
import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.TelemetryChannels;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.ExecutorChannel;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The path of a healing signal: container events and states, metric samples (newest only), the
 * Docker engine's going and coming, and the results of earlier actions go onto {@code healingFacts},
 * whose one thread feeds the healing rule session. What the rules ask for leaves the session on
 * {@code healingDecisions}, is decided by the safety floor and recorded, and what may run waits on
 * the bounded {@code actions} channel, routed by action type to its adapter. Each result is
 * recorded and goes back to the rules as a fact.
 */
@Configuration(proxyBeanMethods = false)
public class HealingFlows {

    public static final String FACTS = "healingFacts";
    public static final String ACTIONS = "actions";
    /** An action whose lane's turn it is, on that lane's thread. */
    public static final String ACTIONS_ON_LANE = "actionsOnLane";
    public static final String RESULTS = "healingActionResults";
    public static final String ERRORS_INPUT = "healingErrors.input";

    private static final Logger log = LoggerFactory.getLogger(HealingFlows.class);
    private static final RejectedExecutionHandler DROP_AND_LOG =
            (task, executor) -> log.warn("healing queue full: a signal was dropped");

    @Bean(FACTS)
    ExecutorChannel healingFacts(HealingEngineProperties engine) {
        return new ExecutorChannel(HealingConfiguration.boundedSingleThread("healing-feed-", engine.factQueue(),
                DROP_AND_LOG));
    }

    @Bean(HealingConfiguration.DECISIONS)
    ExecutorChannel healingDecisions(HealingEngineProperties engine) {
        return new ExecutorChannel(HealingConfiguration.boundedSingleThread("healing-decide-", engine.decisionQueue(),
                DROP_AND_LOG));
    }

    @Bean(ACTIONS)
    DirectChannel actions() {
        return new DirectChannel();
    }

    @Bean(ACTIONS_ON_LANE)
    DirectChannel actionsOnLane() {
        return new DirectChannel();
    }

    @Bean(destroyMethod = "close")
    ActionLanes healingActionLanes(HealingEngineProperties engine) {
        return new ActionLanes(engine.actionThreads(), engine.actionQueue());
    }

    @Bean
    DockerDaemonSignals dockerDaemonSignals() {
        return new DockerDaemonSignals();
    }

    /** Every event of a managed container, as it happens, to the rules. */
    @Bean
    IntegrationFlow containerEventsToRules() {
        return IntegrationFlow.from(ContainerChannels.CONTAINER_EVENTS)
                .bridge(e -> e.id("containerEventToFacts"))
                .channel(FACTS)
                .get();
    }

    /** The periodic poll of every managed container, to be kept once per service in the rules. */
    @Bean
    IntegrationFlow containerStatesToRules() {
        return IntegrationFlow.from(ContainerChannels.CONTAINER_STATES)
                .bridge(e -> e.id("containerStatesToFacts"))
                .channel(FACTS)
                .get();
    }

    /** Metric samples, coalesced: only the newest waits, and a wake-up is sent only when none is waiting. */
    @Bean
    IntegrationFlow metricSamplesToRules(SampleSlot slot) {
        return IntegrationFlow.from(TelemetryChannels.METRIC_SAMPLES)
                .filter(MetricSample.class, slot::offer, e -> e.id("coalesceMetricSamples"))
                .channel(FACTS)
                .get();
    }

    /** The Docker engine going away and coming back: recorded, then told to the rules. */
    @Bean
    IntegrationFlow dockerDaemonToRules(DockerDaemonSignals dockerDaemonSignals,
            DockerNotices notices) {
        return IntegrationFlow.from(dockerDaemonSignals)
                .handle(Object.class, (signal, h) -> notices.record(signal), e -> e.id("recordDockerDaemonSignal"))
                .channel(FACTS)
                .get();
    }

    /** The one feeding thread: every signal becomes a fact of the healing rule session. */
    @Bean
    IntegrationFlow factsIntoRules(FactFeeder feeder) {
        return IntegrationFlow.from(FACTS)
                .handle(Object.class, (fact, headers) -> {
                    feeder.feed(fact);
                    return null;
                }, e -> e.id("feedRuleSession"))
                .get();
    }

    /**
     * What the rules ask for, through the safety floor and into the records; what may run goes on to
     * {@code actions}. A restart held back by its back-off comes back here when the back-off is over.
     */
    @Bean
    IntegrationFlow decideRequests(Decider decider, BackoffRetries retries,
            @Qualifier(HealingConfiguration.DECISIONS) MessageChannel decisions) {
        retries.askAgainThrough(request -> decisions.send(MessageBuilder.withPayload(request).build(), 0));
        return IntegrationFlow.from(HealingConfiguration.DECISIONS)
                .handle(Object.class, (out, headers) -> {
                    if (out instanceof FailureNoticed failure) {
                        decider.failure(failure);
                        return null;
                    }
                    return decider.decide((ActionRequest) out);
                }, e -> e.id("decideThroughSafetyFloor"))
                .channel(ACTIONS)
                .get();
    }

    /** Each action onto its lane: its service's, or the host's; it runs when the earlier ones of that lane are done. */
    @Bean
    IntegrationFlow actionsToLanes(ActionLanes lanes, @Qualifier(ACTIONS_ON_LANE) MessageChannel onLane) {
        return IntegrationFlow.from(ACTIONS)
                .handle(message -> lanes.submit(ActionLanes.laneOf((PlannedAction) message.getPayload()),
                        () -> onLane.send(message)), e -> e.id("queueActionOnItsLane"))
                .get();
    }

    /** Each action to its adapter by type; the result is recorded and goes back to the rules. */
    @Bean
    IntegrationFlow runActions(ActionRecorder recorder, DockerHealing docker, AiHealing ai, HostHealing host,
            DatabaseMaintenance database, DiskCleanup disk, RebootProcedure reboot) {
        return IntegrationFlow.from(ACTIONS_ON_LANE)
                .route(PlannedAction.class, a -> a.type().name(), r -> r
                        .id("routeActionsByType")
                        .subFlowMapping(ActionType.RESTART_SERVICE.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, () -> docker.restart(a.request())), e -> e.id("dockerRestartHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.STOP_START_SERVICE.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, () -> docker.stopAndStart(a.request().service())), e -> e.id("dockerStopStartHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.STOP_SERVICE.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, () -> docker.stop(a.request().service())), e -> e.id("dockerStopHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.RESTART_APP_SERVICES.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, docker::restartAll), e -> e.id("dockerRestartAllHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.LLM_CACHE_CLEAR.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, () -> ai.clearCache(a.request().service())), e -> e.id("ollamaUnloadHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.LLM_SESSION_RESET.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, () -> ai.resetSession(a.request().service())), e -> e.id("ollamaReloadHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.GPU_THROTTLE.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, host::throttle), e -> e.id("gpuThrottleHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.GPU_RESET.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, host::resetGpu), e -> e.id("gpuResetHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.DISK_CLEANUP.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, disk::run), e -> e.id("diskCleanupHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.DB_VACUUM_ANALYZE.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, database::vacuumAnalyze), e -> e.id("vacuumAnalyzeHandler")).channel(RESULTS))
                        .subFlowMapping(ActionType.REBOOT_HOST.name(), f -> f.handle(PlannedAction.class,
                                (a, h) -> recorder.run(a, () -> reboot.reboot(a.request().reason(), a.request().rule())),
                                e -> e.id("hostRebootHandler")).channel(RESULTS)))
                .get();
    }

    /** What came of each action: recorded, and back to the rules as an ActionResult fact. */
    @Bean
    IntegrationFlow recordResults(ActionRecorder recorder) {
        return IntegrationFlow.from(RESULTS)
                .handle(ActionCompletion.class, (c, h) -> recorder.completed(c), e -> e.id("recordActionResult"))
                .channel(FACTS)
                .get();
    }

    /** Every 30 s: critical healing is over once no C or D action ran for the quiet period. */
    @Bean
    IntegrationFlow criticalHealingQuiet(ActionRecorder recorder) {
        return IntegrationFlow.fromSupplier(() -> {
                    recorder.checkQuiet();
                    return null;
                }, e -> e.id("checkCriticalQuiet").poller(Pollers.fixedDelay(Duration.ofSeconds(30))
                        .errorChannel(ERRORS_INPUT)))
                .channel("nullChannel")
                .get();
    }

    /** Every 5 s: an announced maintenance whose time is up ends, and the rules hear of it. */
    @Bean
    IntegrationFlow maintenanceEnds(AnnouncedMaintenance maintenance) {
        return IntegrationFlow.fromSupplier(() -> {
                    maintenance.active();
                    return null;
                }, e -> e.id("endMaintenanceWhenDue").poller(Pollers.fixedDelay(Duration.ofSeconds(5))
                        .errorChannel(ERRORS_INPUT)))
                .channel("nullChannel")
                .get();
    }

    /** A failure inside these flows is logged, never retried in a loop. */
    @Bean
    IntegrationFlow healingErrors() {
        return flow -> flow.handle(message -> log.warn("healing flow failed: {}", message.getPayload()),
                e -> e.id("logHealingErrors"));
    }
}

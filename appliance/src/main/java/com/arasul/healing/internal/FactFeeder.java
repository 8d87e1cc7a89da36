package com.arasul.healing.internal;

import com.arasul.containers.ContainerStates;
import com.arasul.containers.DockerDaemonDown;
import com.arasul.containers.DockerDaemonUp;
import com.arasul.containers.ManagedService;
import com.arasul.healing.facts.ActionResult;
import com.arasul.healing.facts.ContainerEvent;
import com.arasul.healing.facts.ContainerState;
import com.arasul.healing.facts.DockerStatus;
import com.arasul.healing.facts.HostMetrics;
import com.arasul.rules.RuleSession;
import com.arasul.telemetry.MetricSample;

/**
 * Turns the signals of other modules into facts of the healing rules, on one feeding thread:
 * events are inserted, container states and the Docker engine's status are kept once per key
 * (upserted), and metric samples are taken newest-only from the {@link SampleSlot}. Services outside
 * the engine's scope never reach the rules.
 */
public final class FactFeeder {

    static final String DOCKER_KEY = "docker";

    private final RuleSession session;
    private final SampleSlot samples;
    private final ServiceScope scope;
    private final Interventions interventions;
    private volatile boolean dockerUp = true;
    /** The services the last poll found on the engine: a probe's verdict counts only for these. */
    private volatile java.util.Set<String> managed = java.util.Set.of();

    public FactFeeder(RuleSession session, SampleSlot samples, ServiceScope scope, Interventions interventions) {
        this.session = session;
        this.samples = samples;
        this.scope = scope;
        this.interventions = interventions;
    }

    /** One input of any kind the healing flows carry. */
    public void feed(Object input) {
        switch (input) {
            case com.arasul.containers.ContainerEvent e -> event(e);
            case ContainerStates states -> states(states);
            case MetricSample ignored -> sample();
            case DockerDaemonDown down -> docker(false);
            case DockerDaemonUp up -> docker(true);
            case ActionResult result -> insert(result);
            case ContainerEvent probe -> probe(probe);
            default -> insert(input);
        }
    }

    public boolean dockerUp() {
        return dockerUp;
    }

    /** Facts the rule session refused because its queue was full. */
    public long dropped() {
        return session.rejected();
    }

    private void event(com.arasul.containers.ContainerEvent e) {
        if (!scope.includes(e.service())) {
            return;
        }
        if (interventions.event(e)) {
            session.upsert(stateKey(e.service()), new ContainerState(e.service(), ContainerState.REMOVED, "none", false,
                    ContainerState.ADMINISTRATOR));
        }
        insert(new ContainerEvent(e.service(), e.action(), e.health(), e.exitCode(), e.timestamp().toEpochMilli(),
                e.cause()));
    }

    /**
     * A health verdict that did not come from Docker (the AI services' own probes): a service with no
     * managed container (a development box without an LLM container) has nothing to restart, so its
     * failed probe must not count as a failure that escalates.
     */
    private void probe(ContainerEvent probe) {
        if (managed.contains(probe.service())) {
            insert(probe);
        }
    }

    private void states(ContainerStates states) {
        managed = states.services().stream().map(ManagedService::name).filter(scope::includes)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (ManagedService s : states.services()) {
            if (scope.includes(s.name())) {
                interventions.polled(s);
                String stoppedBy = interventions.stopped(s.name()) ? ContainerState.ADMINISTRATOR : null;
                session.upsert(stateKey(s.name()), new ContainerState(s.name(), s.state(), s.health(), s.critical(),
                        stoppedBy));
            }
        }
    }

    private static String stateKey(String service) {
        return "service:" + service;
    }

    private void sample() {
        MetricSample newest = samples.take();
        if (newest != null) {
            insert(HostMetrics.from(newest));
        }
    }

    private void docker(boolean up) {
        dockerUp = up;
        session.upsert(DOCKER_KEY, new DockerStatus(up));
    }

    private void insert(Object fact) {
        session.submit(fact); // a full queue drops the fact and counts it
    }
}

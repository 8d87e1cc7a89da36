package com.arasul.healing.internal;

import com.arasul.containers.ActionResult;
import com.arasul.containers.ContainerActions;
import com.arasul.containers.ManagedService;
import com.arasul.healing.ActionRequest;
import com.arasul.healing.Category;
import com.arasul.platform.ActionOutcome;
import com.arasul.platform.ApplianceActivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Docker side of healing: restarts, stop + start, stop, and the ordered restart of every application service. */
public class DockerHealing {

    private final ContainerActions containers;
    private final ApplianceActivity activity;
    private final ServiceScope scope;
    private final Interventions interventions;
    private final String[] pruneLabels;

    public DockerHealing(ContainerActions containers, ApplianceActivity activity, ServiceScope scope,
            Interventions interventions, List<String> pruneLabels) {
        this.containers = containers;
        this.activity = activity;
        this.scope = scope;
        this.interventions = interventions;
        this.pruneLabels = pruneLabels.toArray(String[]::new);
    }

    /** A planned restart: the container's own stop timeout. */
    public ActionOutcome restart(String service) {
        return outcome(containers.restart(service));
    }

    /** A restart a rule asked for: a failed service's (category A) may be stopped with the short timeout. */
    public ActionOutcome restart(ActionRequest request) {
        return request.category() == Category.A ? outcome(containers.restartUnresponsive(request.service()))
                : restart(request.service());
    }

    public ActionOutcome stopAndStart(String service) {
        return outcome(containers.stopAndStart(service));
    }

    public ActionOutcome stop(String service) {
        return outcome(containers.stop(service));
    }

    /**
     * Restarts every managed service in scope, dependencies first, each with its own stop timeout,
     * leaving out those under update and those a person stopped.
     */
    public ActionOutcome restartAll() {
        long start = System.nanoTime();
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (ManagedService s : inDependencyOrder(containers.services())) {
            if (!scope.includes(s.name())) {
                continue;
            }
            if (activity.isUnderUpdate(s.name())) {
                skipped.add(s.name());
                continue;
            }
            if (interventions.stopped(s.name())) {
                stopped.add(s.name());
                continue;
            }
            ActionResult r = containers.restart(s.name());
            (r.success() ? done : failed).add(s.name());
        }
        String message = "Restarted " + (done.isEmpty() ? "nothing" : String.join(", ", done))
                + (failed.isEmpty() ? "" : "; could not restart " + String.join(", ", failed))
                + (skipped.isEmpty() ? "" : "; left alone while being updated: " + String.join(", ", skipped))
                + (stopped.isEmpty() ? "" : "; left stopped by an administrator: " + String.join(", ", stopped)) + ".";
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return failed.isEmpty() ? ActionOutcome.succeeded(message, took) : ActionOutcome.failed(message, took);
    }

    public ActionOutcome pruneImages() {
        return outcome(containers.pruneDanglingImages(pruneLabels));
    }

    /** By start order, and a service never before one it depends on. */
    static List<ManagedService> inDependencyOrder(List<ManagedService> services) {
        Map<String, ManagedService> byName = new LinkedHashMap<>();
        services.stream().sorted(Comparator.comparingInt(ManagedService::startOrder).thenComparing(ManagedService::name))
                .forEach(s -> byName.putIfAbsent(s.name(), s));
        List<ManagedService> ordered = new ArrayList<>();
        for (ManagedService s : byName.values()) {
            visit(s, byName, ordered, new ArrayList<>());
        }
        return ordered;
    }

    private static void visit(ManagedService s, Map<String, ManagedService> byName, List<ManagedService> ordered,
            List<String> path) {
        if (ordered.contains(s) || path.contains(s.name())) {
            return; // done, or a dependency cycle: the start order decides
        }
        path.add(s.name());
        for (String dependency : s.dependsOn()) {
            ManagedService d = byName.get(dependency);
            if (d != null) {
                visit(d, byName, ordered, path);
            }
        }
        ordered.add(s);
    }

    static ActionOutcome outcome(ActionResult r) {
        return new ActionOutcome(r.success(), r.message(), r.duration());
    }
}

package com.arasul.updates.internal.apply;

import com.arasul.containers.ManagedService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order in which services start: a service after those it depends on ({@code arasul.depends-on}),
 * otherwise lower {@code arasul.start-order} first, then by name. A dependency cycle is broken at
 * the point it is met, so a mislabelled box still gets every service started.
 */
final class ServiceOrder {

    private ServiceOrder() {
    }

    /** Every managed service in start order. */
    static List<String> startOrder(List<ManagedService> services) {
        Map<String, ManagedService> byName = services.stream()
                .collect(Collectors.toMap(ManagedService::name, Function.identity(), (a, b) -> a));
        List<ManagedService> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparingInt(ManagedService::startOrder).thenComparing(ManagedService::name));
        Set<String> done = new LinkedHashSet<>();
        for (ManagedService s : sorted) {
            visit(s.name(), byName, done, new HashSet<>());
        }
        return List.copyOf(done);
    }

    /** The services that depend, directly or not, on one of {@code touched}, not counting those. */
    static Set<String> dependents(List<ManagedService> services, Set<String> touched) {
        Set<String> affected = new HashSet<>(touched);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ManagedService s : services) {
                if (!affected.contains(s.name()) && s.dependsOn().stream().anyMatch(affected::contains)) {
                    affected.add(s.name());
                    grew = true;
                }
            }
        }
        affected.removeAll(touched);
        return affected;
    }

    private static void visit(String name, Map<String, ManagedService> byName, Set<String> done, Set<String> path) {
        if (done.contains(name) || !path.add(name)) {
            return;
        }
        ManagedService s = byName.get(name);
        if (s != null) {
            s.dependsOn().stream().sorted().forEach(d -> visit(d, byName, done, path));
            done.add(name);
        }
    }
}

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
 * The order in which services start: a service after those it depends on ({@code arasul.depends-on});
 * among those ready to start, lower {@code arasul.start-order} first, then by name. A dependency
 * cycle is broken at its most preferred service, so a mislabelled box still gets every service started.
 */
final class ServiceOrder {

    private ServiceOrder() {
    }

    /** Every managed service in start order. */
    static List<String> startOrder(List<ManagedService> services) {
        Map<String, ManagedService> byName = services.stream()
                .collect(Collectors.toMap(ManagedService::name, Function.identity(), (a, b) -> a));
        Comparator<ManagedService> preference = Comparator.comparingInt(ManagedService::startOrder)
                .thenComparing(ManagedService::name);
        List<ManagedService> remaining = new ArrayList<>(byName.values());
        remaining.sort(preference);
        Set<String> done = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            // the most preferred service whose known dependencies all started; in a cycle, the most preferred
            ManagedService next = remaining.stream()
                    .filter(s -> s.dependsOn().stream().allMatch(d -> done.contains(d) || !byName.containsKey(d)))
                    .findFirst().orElse(remaining.getFirst());
            done.add(next.name());
            remaining.remove(next);
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
}

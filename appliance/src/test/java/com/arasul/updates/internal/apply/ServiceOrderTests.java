package com.arasul.updates.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.containers.ManagedService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceOrderTests {

    @Test
    void startsAServiceAfterWhatItDependsOnThenByStartOrder() {
        var services = List.of(service("web", 1, "api"), service("api", 5, "db"), service("db", 9), service("cache", 2));

        assertThat(ServiceOrder.startOrder(services)).containsExactly("cache", "db", "api", "web");
    }

    @Test
    void findsEveryServiceThatDependsOnAnUpdatedOneDirectlyOrNot() {
        var services = List.of(service("web", 1, "api"), service("api", 5, "db"), service("db", 9), service("cache", 2));

        assertThat(ServiceOrder.dependents(services, Set.of("db"))).containsExactlyInAnyOrder("api", "web");
    }

    @Test
    void stillOrdersEveryServiceWhenTheLabelsFormACycle() {
        var services = List.of(service("a", 1, "b"), service("b", 2, "a"));

        assertThat(ServiceOrder.startOrder(services)).containsExactlyInAnyOrder("a", "b");
    }

    private static ManagedService service(String name, int order, String... dependsOn) {
        return new ManagedService(name, name + "-id", name, "img", "running", "none", 0, null, false, List.of(dependsOn), order);
    }
}

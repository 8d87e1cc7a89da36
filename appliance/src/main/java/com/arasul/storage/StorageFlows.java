package com.arasul.storage;

import com.arasul.healing.HealingFlows;
import com.arasul.healing.facts.SystemCondition;
import com.arasul.storage.internal.MinioObjectStorage;
import com.arasul.storage.internal.StorageMonitor;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * The path of the storage's health: a look on the monitor's own schedule (backing off while the
 * storage is down, reconciling the buckets when it is up again); every look that finds it down is
 * told to the healing rules as {@code object_storage_down} for as long as the outage lasts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageFlows {

    public static final String ERRORS_INPUT = "storageErrors.input";

    @Bean(destroyMethod = "close")
    MinioObjectStorage objectStorage(StorageProperties properties) {
        return new MinioObjectStorage(properties);
    }

    @Bean
    StorageMonitor storageMonitor(MinioObjectStorage storage, StorageProperties properties) {
        return new StorageMonitor(storage, properties, Clock.systemUTC());
    }

    /** Each look at the storage; an outage goes to the healing rules. */
    @Bean
    IntegrationFlow storageHealthToRules(StorageMonitor monitor) {
        return IntegrationFlow.fromSupplier(monitor::check, e -> e.id("probeObjectStorage")
                        .poller(Pollers.trigger(monitor).errorChannel(ERRORS_INPUT)))
                .filter(StorageHealth.class, health -> !health.up(), e -> e.id("onlyOutages"))
                .handle(StorageHealth.class, (health, headers) -> new SystemCondition(
                        SystemCondition.OBJECT_STORAGE_DOWN, health.detail()), e -> e.id("objectStorageDownFact"))
                .channel(HealingFlows.FACTS)
                .get();
    }

    /** A look that failed unexpectedly is logged; the next look comes on schedule. */
    @Bean
    IntegrationFlow storageErrors() {
        return f -> f.handle(m -> org.slf4j.LoggerFactory.getLogger(StorageFlows.class)
                .warn("Object storage look failed: {}", m.getPayload()), e -> e.id("logStorageErrors"));
    }
}

package com.arasul.healing.internal;

import com.arasul.containers.ContainerActions;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** What the services, self-healing and logs APIs read from, and their bounded threads. */
@Configuration(proxyBeanMethods = false)
class HealingApiConfiguration {

    @Bean
    HealingRecords healingRecords(DataSource dataSource) {
        return new HealingRecords(dataSource);
    }

    /** Container stats for {@code GET /api/services}, four at a time; beyond its queue the caller samples itself. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService healingUsageSampling() {
        return new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                daemon("healing-usage-"), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Bean
    ApplianceLog applianceLog(@Value("${logging.file.name:${arasul.data-dir}/logs/arasul.log}") String file) {
        return new ApplianceLog(Path.of(actualLogFile(file)));
    }

    @Bean
    LogSources logSources(ContainerActions containers, ApplianceLog log) {
        return new LogSources(containers, log);
    }

    @Bean
    LogStreams logStreams(ContainerActions containers, ApplianceLog log, HealingEngineProperties limits) {
        ExecutorService pool = new ThreadPoolExecutor(0, limits.logStreams(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon("healing-logs-"), new ThreadPoolExecutor.AbortPolicy());
        return new LogStreams(containers, log, limits, pool);
    }

    /**
     * The file logback really writes: Spring Boot resolves it once when logging starts and publishes
     * it as the {@code LOG_FILE} system property; the configured value is the fallback.
     */
    static String actualLogFile(String configured) {
        String resolved = System.getProperty("LOG_FILE");
        return resolved == null || resolved.isBlank() ? configured : resolved;
    }

    private static CustomizableThreadFactory daemon(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }
}

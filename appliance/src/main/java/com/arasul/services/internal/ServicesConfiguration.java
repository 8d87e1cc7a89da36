package com.arasul.services.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** The bounded threads the services API samples container use on. */
@Configuration(proxyBeanMethods = false)
class ServicesConfiguration {

    /** Container stats for {@code GET /api/services}, four at a time; beyond its queue the caller samples itself. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService servicesUsageSampling() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("services-usage-");
        threads.setDaemon(true);
        return new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), threads,
                new ThreadPoolExecutor.CallerRunsPolicy());
    }
}

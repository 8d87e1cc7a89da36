package com.arasul.logs.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.logs.ApplianceLogFile;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** What the logs API reads from, and its bounded follow threads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogsProperties.class)
class LogsConfiguration {

    @Bean
    ApplianceLog applianceLog(@Value(ApplianceLogFile.CONFIGURED) String file) {
        return new ApplianceLog(Path.of(ApplianceLogFile.resolve(file)));
    }

    @Bean
    LogSources logSources(ContainerActions containers, ApplianceLog log) {
        return new LogSources(containers, log);
    }

    @Bean
    LogStreams logStreams(ContainerActions containers, ApplianceLog log, LogsProperties limits) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("logs-follow-");
        threads.setDaemon(true);
        ExecutorService pool = new ThreadPoolExecutor(0, limits.streams(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads, new ThreadPoolExecutor.AbortPolicy());
        return new LogStreams(containers, log, limits, pool);
    }
}

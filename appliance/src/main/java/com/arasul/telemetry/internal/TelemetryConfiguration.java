package com.arasul.telemetry.internal;

import com.arasul.platform.CommandRunner;
import com.arasul.platform.DataDirectory;
import com.arasul.platform.LiveConnections;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The parts the telemetry flows are made of: probes, the buffer, the store, the live stream and their threads. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TelemetryConfiguration {

    static final String LIVE_STREAM_PATH = "/api/metrics/live-stream";

    @Bean
    GpuProbe gpuProbe(TelemetryProperties properties, CommandRunner runner) {
        return GpuProbes.select(properties, runner, Clock.systemUTC());
    }

    @Bean
    Sampler sampler(TelemetryProperties properties, DataDirectory dataDirectory, GpuProbe gpu) {
        List<Path> mounts = new ArrayList<>(properties.diskMounts());
        if (mounts.isEmpty()) {
            mounts.add(dataDirectory.root());
            mounts.add(Path.of("/"));
        }
        HostProbe host = new HostProbe(new oshi.SystemInfo(), mounts);
        return new Sampler(host::read, gpu, Clock.systemUTC());
    }

    @Bean
    LiveSnapshot liveSnapshot() {
        return new LiveSnapshot();
    }

    @Bean
    BucketStatistics bucketStatistics(TelemetryProperties properties) {
        return new BucketStatistics(properties.bucket());
    }

    @Bean
    MetricRowBuffer metricRowBuffer(TelemetryProperties properties, ObjectProvider<MeterRegistry> registry) {
        MetricRowBuffer buffer = new MetricRowBuffer(properties.buffer().capacity());
        registry.ifAvailable(buffer::bindTo);
        return buffer;
    }

    @Bean
    MetricRowStore metricRowStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, MetricRowBuffer buffer) {
        return new MetricRowStore(jdbc, new TransactionTemplate(transactions), buffer);
    }

    @Bean
    MetricsHistory metricsHistory(JdbcTemplate jdbc, TelemetryProperties properties) {
        return new MetricsHistory(jdbc, properties.bucket());
    }

    @Bean
    DatabaseCheck databaseCheck(JdbcTemplate jdbc) {
        return new DatabaseCheck(jdbc);
    }

    /** One sampling at a time; a tick that finds the previous sample still running is skipped, not queued. */
    @Bean
    ThreadPoolTaskExecutor telemetrySamplingExecutor() {
        return singleThread("telemetry-sampler-", 1);
    }

    /** One database write at a time, so a database that hangs holds one thread, never the scheduler. */
    @Bean
    ThreadPoolTaskExecutor telemetryStoreExecutor() {
        return singleThread("telemetry-store-", 1);
    }

    @Bean
    ThreadPoolTaskExecutor telemetryLiveStreamExecutor(TelemetryProperties properties) {
        ThreadPoolTaskExecutor executor = singleThread("telemetry-live-", properties.liveStream().maxSessions() * 4);
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        return executor;
    }

    @Bean
    LiveStreamHandler liveStreamHandler(TelemetryProperties properties, ThreadPoolTaskExecutor telemetryLiveStreamExecutor,
            JsonMapper json, LiveConnections connections) {
        return new LiveStreamHandler(properties.liveStream(), telemetryLiveStreamExecutor, json, connections);
    }

    @Bean
    WebSocketConfigurer liveStreamEndpoint(LiveStreamHandler handler) {
        return registry -> registry.addHandler(handler.endpoint(), LIVE_STREAM_PATH);
    }

    private static ThreadPoolTaskExecutor singleThread(String prefix, int queueCapacity) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(queueCapacity);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(3);
        return executor;
    }
}

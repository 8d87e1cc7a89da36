package com.arasul.telemetry.internal;

import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.TelemetryChannels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.store.MessageGroup;
import org.springframework.integration.store.SimpleMessageStore;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.ErrorMessage;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The path of a sample: the sampler puts one on {@code metricSamples} every interval; from there it goes to
 * the live snapshot and WebSocket clients, into 30-second rows that wait in a bounded buffer for the database,
 * and to whichever module subscribes (the healing engine).
 */
@Configuration(proxyBeanMethods = false)
class TelemetryFlows {

    private static final Logger log = LoggerFactory.getLogger(TelemetryFlows.class);

    private final TelemetryProperties properties;

    TelemetryFlows(TelemetryProperties properties) {
        this.properties = properties;
    }

    /** Every sample of the box, for every subscriber; a failing subscriber does not keep it from the others. */
    @Bean(TelemetryChannels.METRIC_SAMPLES)
    PublishSubscribeChannel metricSamples() {
        PublishSubscribeChannel channel = new PublishSubscribeChannel();
        channel.setIgnoreFailures(true);
        return channel;
    }

    /** Open buckets of the aggregator: at most two at a time, each bounded by the samples of one bucket. */
    @Bean
    SimpleMessageStore bucketStore() {
        int perBucket = (int) (properties.bucket().toMillis() / properties.interval().toMillis()) * 2 + 10;
        return new SimpleMessageStore(0, perBucket);
    }

    /** Takes a sample every interval and publishes it on {@code metricSamples}. */
    @Bean
    IntegrationFlow samplingFlow(Sampler sampler, ThreadPoolTaskExecutor telemetrySamplingExecutor) {
        return IntegrationFlow.fromSupplier(sampler, e -> e.id("telemetrySampler")
                        .poller(Pollers.fixedRate(properties.interval())
                                .taskExecutor(telemetrySamplingExecutor)
                                .errorChannel("telemetryErrors.input")))
                .channel(TelemetryChannels.METRIC_SAMPLES)
                .get();
    }

    /** Keeps the newest sample for {@code /api/metrics/live} and pushes it to every live-stream client. */
    @Bean
    IntegrationFlow liveFlow(LiveSnapshot snapshot, LiveStreamHandler liveStream) {
        return IntegrationFlow.from(TelemetryChannels.METRIC_SAMPLES)
                .handle(MetricSample.class, (sample, headers) -> snapshot.update(sample), e -> e.id("liveSnapshotUpdate"))
                .handle(MetricSample.class, (sample, headers) -> {
                    liveStream.broadcast(sample);
                    return null;
                }, e -> e.id("liveStreamBroadcast"))
                .get();
    }

    /**
     * Collects the samples of each bucket and, once the next bucket has begun (no sample for a few intervals),
     * turns them into one row per metric that waits in the buffer.
     */
    @Bean
    IntegrationFlow aggregationFlow(BucketStatistics statistics, SimpleMessageStore bucketStore,
            MetricRowBuffer buffer) {
        Duration quiet = properties.interval().multipliedBy(3);
        return IntegrationFlow.from(TelemetryChannels.METRIC_SAMPLES)
                .aggregate(a -> a.id("bucketAggregator")
                        .correlationStrategy(message -> statistics.bucketOf(sampleOf(message).timestamp()))
                        .releaseStrategy(group -> false)
                        .groupTimeout(Math.max(quiet.toMillis(), 2000))
                        .sendPartialResultOnExpiry(true)
                        .expireGroupsUponTimeout(true)
                        .expireGroupsUponCompletion(true)
                        .messageStore(bucketStore)
                        .outputProcessor(group -> statistics.rows((Instant) group.getGroupId(), samplesOf(group))))
                .handle(List.class, (rows, headers) -> {
                    buffer.addAll(castRows(rows));
                    return null;
                }, e -> e.id("metricRowBuffering"))
                .get();
    }

    /** Writes buffered rows to the {@code metrics} table in batches; a failed batch goes to {@code metricRowErrors}. */
    @Bean
    IntegrationFlow storeFlow(MetricRowBuffer buffer, MetricRowStore store, ThreadPoolTaskExecutor telemetryStoreExecutor) {
        int batchSize = properties.buffer().batchSize();
        return IntegrationFlow.fromSupplier(() -> buffer.drain(batchSize), e -> e.id("metricRowPoller")
                        .poller(Pollers.fixedDelay(properties.buffer().flushInterval())
                                .maxMessagesPerPoll(100)
                                .taskExecutor(telemetryStoreExecutor)
                                .errorChannel("metricRowErrors.input")))
                .handle(List.class, (rows, headers) -> {
                    store.write(castRows(rows));
                    return null;
                }, e -> e.id("metricRowWriter"))
                .get();
    }

    /** A batch the database did not take goes back into the buffer; the outage is logged once. */
    @Bean
    IntegrationFlow metricRowErrors(MetricRowStore store) {
        return f -> f.handle(message -> store.writeFailed((ErrorMessage) message), e -> e.id("metricRowErrorHandler"));
    }

    /** A sample that could not be taken or published: logged once per kind of failure, sampling goes on. */
    @Bean
    IntegrationFlow telemetryErrors() {
        OnceLog once = new OnceLog(log);
        return f -> f.handle(message -> {
            Throwable failure = (Throwable) message.getPayload();
            once.failed(failure.getClass().getName(), () -> log.warn("Sampling failed: {}", failure.toString()));
        }, e -> e.id("telemetryErrorHandler"));
    }

    private static MetricSample sampleOf(Message<?> message) {
        return (MetricSample) message.getPayload();
    }

    private static List<MetricSample> samplesOf(MessageGroup group) {
        return group.getMessages().stream().map(TelemetryFlows::sampleOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<MetricRow> castRows(List<?> rows) {
        return (List<MetricRow>) rows;
    }
}

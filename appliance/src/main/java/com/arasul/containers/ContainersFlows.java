package com.arasul.containers;

import com.arasul.containers.internal.DockerEventsProducer;
import com.arasul.containers.internal.EventClassifier;
import com.arasul.containers.internal.EventMapping;
import com.arasul.containers.internal.StatePoller;
import com.github.dockerjava.api.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * How container signals travel: Docker's events of managed containers onto
 * {@code containerEvents} (low latency), and a poll of every managed service's state onto
 * {@code containerStates} (the backstop). Both channels publish to every subscriber without a
 * queue, on the producing thread; a subscriber that does slow work hands it to its own bounded
 * executor. The daemon's going and coming are published as {@link DockerDaemonDown} and
 * {@link DockerDaemonUp} application events.
 */
@Configuration(proxyBeanMethods = false)
public class ContainersFlows {

    /** Where a failure inside these flows ends up: logged, never lost silently, never retried in a loop. */
    public static final String ERRORS_INPUT = "containersErrors.input";

    private static final Logger log = LoggerFactory.getLogger(ContainersFlows.class);

    @Bean(ContainerChannels.CONTAINER_EVENTS)
    PublishSubscribeChannel containerEvents() {
        var channel = new PublishSubscribeChannel();
        channel.setIgnoreFailures(true);
        return channel;
    }

    @Bean(ContainerChannels.CONTAINER_STATES)
    PublishSubscribeChannel containerStates() {
        var channel = new PublishSubscribeChannel();
        channel.setIgnoreFailures(true);
        return channel;
    }

    /** Docker events of labelled containers, as {@link ContainerEvent}s told crash from deliberate stop. */
    @Bean
    IntegrationFlow dockerEventsFlow(DockerEventsProducer dockerEvents, EventClassifier classifier) {
        return IntegrationFlow.from(dockerEvents)
                .filter(Event.class, EventMapping::isManaged,
                        e -> e.id("managedContainerEventsOnly").discardChannel("nullChannel"))
                .transformWith(t -> t.<Event, ContainerEvent>transformer(classifier::classify)
                        .expectedType(Event.class).id("toContainerEvent"))
                .channel(ContainerChannels.CONTAINER_EVENTS)
                .get();
    }

    /** Every poll interval, every managed service's state and health; nothing while Docker is away. */
    @Bean
    IntegrationFlow containerStatePollFlow(StatePoller poller, ContainersProperties properties) {
        return IntegrationFlow.fromSupplier(poller::poll, e -> e.id("containerStatePoll")
                        .autoStartup(properties.enabled())
                        .poller(Pollers.fixedDelay(properties.pollInterval()).errorChannel(ERRORS_INPUT)))
                .channel(ContainerChannels.CONTAINER_STATES)
                .get();
    }

    @Bean
    IntegrationFlow containersErrors() {
        return flow -> flow.handle(message -> log.warn("container signal lost: {}", message.getPayload()),
                e -> e.id("logContainerSignalErrors"));
    }
}

package com.arasul.containers.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.ContainersFlows;
import com.arasul.containers.ContainersProperties;
import com.arasul.containers.ImageOperations;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Docker adapter's parts; the flows that use them are in {@code ContainersFlows}. */
@Configuration(proxyBeanMethods = false)
class DockerAdapterConfiguration {

    @Bean(destroyMethod = "close")
    DockerConnection dockerConnection(ContainersProperties properties) {
        return new DockerConnection(properties);
    }

    @Bean
    DaemonStatus dockerDaemonStatus(ApplicationEventPublisher publisher, DockerConnection docker,
            ObjectProvider<Clock> clock) {
        return new DaemonStatus(publisher, docker, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ManagedContainers managedContainers(DockerConnection docker) {
        return new ManagedContainers(docker);
    }

    @Bean
    OwnActions dockerOwnActions() {
        return new OwnActions();
    }

    @Bean
    EventClassifier dockerEventClassifier(OwnActions own) {
        return new EventClassifier(own);
    }

    @Bean
    ContainerActions containerActions(DockerConnection docker, ManagedContainers containers, OwnActions own,
            ContainersProperties p) {
        return new DockerContainerActions(docker, containers, stopTimeouts(p), own, p.responseTimeout(),
                p.maxLogFollowers(), p.logFollowBuffer());
    }

    @Bean
    ImageOperations imageOperations(DockerConnection docker, ManagedContainers containers, OwnActions own,
            ContainersProperties p) {
        return new DockerImageOperations(docker, new ContainerRecreator(docker, containers, stopTimeouts(p), own));
    }

    private static StopTimeouts stopTimeouts(ContainersProperties p) {
        return new StopTimeouts(p.stopTimeout(), p.unresponsiveStopTimeout());
    }

    @Bean
    StatePoller containerStatePoller(ManagedContainers containers, DaemonStatus status, ObjectProvider<Clock> clock) {
        return new StatePoller(containers, status, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DockerEventsProducer dockerEventsProducer(DockerConnection docker, DaemonStatus status, ContainersProperties p) {
        var producer = new DockerEventsProducer(docker, status, p.reconnectInitial(), p.reconnectMax());
        producer.setAutoStartup(p.enabled());
        producer.setErrorChannelName(ContainersFlows.ERRORS_INPUT);
        return producer;
    }
}

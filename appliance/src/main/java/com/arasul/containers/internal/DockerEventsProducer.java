package com.arasul.containers.internal;

import com.github.dockerjava.api.model.Event;
import java.time.Duration;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.support.MessageBuilder;

/** The Docker events stream as a Spring Integration message producer: raw events of labelled containers. */
public final class DockerEventsProducer extends MessageProducerSupport {

    private final DockerEventStream stream;

    public DockerEventsProducer(DockerConnection docker, DaemonStatus status, Duration initialBackoff, Duration maxBackoff) {
        this.stream = new DockerEventStream(docker, status, initialBackoff, maxBackoff,
                (Event event) -> sendMessage(MessageBuilder.withPayload(event).build()));
    }

    @Override
    protected void doStart() {
        stream.start();
    }

    @Override
    protected void doStop() {
        stream.stop();
    }
}

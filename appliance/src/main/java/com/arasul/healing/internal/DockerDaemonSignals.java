package com.arasul.healing.internal;

import com.arasul.containers.DockerDaemonDown;
import com.arasul.containers.DockerDaemonUp;
import org.springframework.context.event.EventListener;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.support.MessageBuilder;

/** The containers module's {@link DockerDaemonDown} and {@link DockerDaemonUp} events, as messages of a flow. */
public class DockerDaemonSignals extends MessageProducerSupport {

    @EventListener
    void down(DockerDaemonDown event) {
        publish(event);
    }

    @EventListener
    void up(DockerDaemonUp event) {
        publish(event);
    }

    private void publish(Object event) {
        if (isRunning()) {
            sendMessage(MessageBuilder.withPayload(event).build());
        }
    }
}

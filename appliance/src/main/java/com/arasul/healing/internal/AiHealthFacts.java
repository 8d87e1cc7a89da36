package com.arasul.healing.internal;

import com.arasul.ai.AiServiceHealth;
import com.arasul.healing.HealingFlows;
import com.arasul.healing.facts.ContainerEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * An AI service that failed its probe (or refused a request) counts as a failed health check of its
 * container: a category A fact, handled by the same rules as a Docker health check. The in-process
 * embedding model has no container and is left out.
 */
@Component
class AiHealthFacts {

    private final MessageChannel facts;

    AiHealthFacts(@Qualifier(HealingFlows.FACTS) MessageChannel facts) {
        this.facts = facts;
    }

    @EventListener
    void probed(AiServiceHealth health) {
        if (health.healthy() || health.service().startsWith("local")) {
            return;
        }
        facts.send(MessageBuilder.withPayload(new ContainerEvent(health.service(), "health_status", "unhealthy", null,
                health.at().toEpochMilli())).build());
    }
}

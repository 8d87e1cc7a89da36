package com.arasul.updates.internal.apply;

import com.arasul.updates.UpdateChannels;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;

/**
 * Declares the JDBC-backed {@link UpdateChannels#APPLY_QUEUE} only when no other bean of that name
 * exists. The intake side of the update capability owns the channel; this keeps applying usable
 * (and testable) on its own and steps aside as soon as the intake's bean is there. It runs after
 * every configuration class has registered its beans, so "not there" is decided on the full picture.
 */
final class ApplyQueueFallback implements BeanDefinitionRegistryPostProcessor, Ordered {

    static final String REGION = "updates";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(UpdateChannels.APPLY_QUEUE) || !(registry instanceof BeanFactory beans)) {
            return;
        }
        registry.registerBeanDefinition(UpdateChannels.APPLY_QUEUE,
                new RootBeanDefinition(QueueChannel.class, () -> queue(beans.getBean(DataSource.class))));
    }

    static QueueChannel queue(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        store.afterPropertiesSet();
        return new QueueChannel(new org.springframework.integration.store.MessageGroupQueue(store, UpdateChannels.APPLY_QUEUE));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateChannels;
import java.io.File;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.SimpleMessageStore;
import org.springframework.messaging.MessagingException;

/**
 * How a package travels from either door to the apply queue: both doors feed one check flow
 * (received → verified → validated); an upload then waits as READY for the owner, a stick's newest
 * valid package goes straight into the durable apply queue.
 */
@Configuration(proxyBeanMethods = false)
class UpdateFlows {

    static final String CHECK = "updateCheck.input";
    static final String USB_ERRORS = "usbIntakeErrors.input";
    /** Message group of the apply queue in {@code INT_CHANNEL_MESSAGE}. */
    static final String APPLY_QUEUE_GROUP = "update-apply-queue";
    private static final Logger log = LoggerFactory.getLogger(UpdateFlows.class);

    /** Accepted packages waiting to be applied, kept in PostgreSQL so that they survive a restart. */
    @Bean(UpdateChannels.APPLY_QUEUE)
    QueueChannel updateApplyQueue(JdbcChannelMessageStore updateChannelStore, UpdateProperties properties) {
        return MessageChannels.queue(updateChannelStore, APPLY_QUEUE_GROUP).capacity(properties.queueCapacity()).getObject();
    }

    @Bean
    JdbcChannelMessageStore updateChannelStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion("updates");
        return store;
    }

    /** Every package, from either door: recorded as received, verified into staging, validated by the rules. */
    @Bean
    IntegrationFlow updateCheck(PackageChecks checks) {
        return f -> f
                .handle(IncomingPackage.class, (in, h) -> checks.receive(in), e -> e.id("updateReceive"))
                .handle(Candidate.class, (c, h) -> checks.verify(c), e -> e.id("updateVerify"))
                .handle(Candidate.class, (c, h) -> checks.validate(c), e -> e.id("updateValidate"));
    }

    /** An upload is checked while its request waits, and then waits READY for the owner to apply it. */
    @Bean
    IntegrationFlow updateUpload(PackageAcceptance acceptance) {
        return IntegrationFlow.from(UploadIntake.class, g -> g.beanName("uploadIntake"))
                .gateway(CHECK, g -> g.id("uploadCheck"))
                .handle(Candidate.class, (c, h) -> acceptance.ready(c), e -> e.id("uploadReady"))
                .get();
    }

    /**
     * Packages the USB roots' adapters found are gathered per stick until it is quiet, checked one
     * by one on the intake's own thread, and the stick's newest valid package is queued.
     */
    @Bean
    IntegrationFlow updateUsb(UsbIntake usb, UsbIntakeThread thread, UpdateProperties properties) {
        return IntegrationFlow.from(UsbRoots.FILES_CHANNEL)
                .handle(File.class, (file, h) -> usb.incoming(file), e -> e.id("usbIncoming"))
                .aggregate(a -> a.id("usbStick")
                        .correlationStrategy(m -> ((IncomingPackage) m.getPayload()).stick().toString())
                        .releaseStrategy(g -> false)
                        .groupTimeout(Math.max(500, properties.usbSettleAge().toMillis()))
                        .sendPartialResultOnExpiry(true)
                        .expireGroupsUponTimeout(true)
                        .expireGroupsUponCompletion(true)
                        .messageStore(new SimpleMessageStore(1000)))
                .channel(c -> c.executor("usbIntakeExecutor", thread.executor()))
                .splitWith(s -> s.id("usbEachPackage"))
                .gateway(CHECK, g -> g.id("usbCheck").replyTimeout(Duration.ofHours(2).toMillis()))
                .aggregate(a -> a.id("usbStickChecked"))
                .handle(java.util.List.class, (list, h) -> {
                    @SuppressWarnings("unchecked")
                    java.util.List<Candidate> candidates = list;
                    usb.decide(candidates);
                    return null;
                }, e -> e.id("usbNewestWins"))
                .get();
    }

    /** What went wrong while reading a stick; the package is checked again on the next rescan if it was not seen. */
    @Bean
    IntegrationFlow usbIntakeErrors() {
        return f -> f.handle(MessagingException.class, (e, h) -> {
            log.warn("USB update intake: {}", e.getMostSpecificCause().toString());
            return null;
        }, e -> e.id("usbErrorLog"));
    }
}

package com.arasul.updates.internal.intake;

import com.arasul.updates.UpdateStatus;
import java.util.UUID;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks into the durable apply queue without taking anything out of it. Once an apply engine
 * consumes the queue, a package may already have left it; it then has moved on from QUEUED.
 */
record ApplyQueueProbe(JdbcChannelMessageStore store, JdbcTemplate jdbc) {

    /** A channel store lists no messages without polling them, so this looks into its table. */
    boolean holds(UUID packageId) {
        Integer rows = jdbc.queryForObject("select count(*) from int_channel_message where region = ? and group_key = ?"
                + " and position(convert_to(?, 'UTF8') in message_content) > 0", Integer.class, store.getRegion(),
                UUIDConverter.getUUID(UpdateFlows.APPLY_QUEUE_GROUP).toString(), packageId.toString());
        return rows != null && rows > 0;
    }

    int size() {
        return store.messageGroupSize(UpdateFlows.APPLY_QUEUE_GROUP);
    }

    /** In the queue, or already taken out by the apply engine (which moves the package on). */
    boolean queuedOrTaken(UUID packageId) {
        String status = jdbc.queryForObject("select status from update_packages where id = ?", String.class, packageId);
        return holds(packageId) || !UpdateStatus.QUEUED.name().equals(status) && !UpdateStatus.REFUSED.name().equals(status);
    }
}

package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.security.SecuredApplianceTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Last used" is gathered in memory and written in one batch, not once per request: an own
 * {@link ApiKeys} on the application's database (so the application's scheduled flush cannot
 * interfere) is used many times, and the row changes only when the batch is written.
 */
@SecuredApplianceTest
class ApiKeyLastUseTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeyProperties properties;

    /** The application's own: creating a key needs its transaction. */
    @Autowired
    ApiKeys applicationKeys;

    @Test
    void usesAreWrittenInOneBatchNotPerRequest() {
        ApiKeys keys = new ApiKeys(jdbc, properties);
        ApiKeys.Created created = applicationKeys.create("batched", Set.of(ApiKeyScope.READ));
        Instant before = Instant.now();

        for (int i = 0; i < 50; i++) {
            assertThat(keys.verify(created.key())).isPresent();
        }

        assertThat(lastUsedInDatabase(created.id())).as("no write per request").isNull();
        assertThat(listed(keys, created.id()).lastUsedAt()).as("the list shows uses not yet written")
                .isAfterOrEqualTo(before);
        keys.writeLastUse();
        assertThat(lastUsedInDatabase(created.id())).isAfterOrEqualTo(before);
        long rowVersion = xmin(created.id());
        keys.writeLastUse();
        assertThat(xmin(created.id())).as("no new use, no write").isEqualTo(rowVersion);
        keys.revoke(created.id());
    }

    @Test
    void revokedKeyLeavesNoUseToWrite() {
        ApiKeys keys = new ApiKeys(jdbc, properties);
        ApiKeys.Created created = applicationKeys.create("revoked-before-flush", Set.of(ApiKeyScope.LLM));
        assertThat(keys.verify(created.key())).isPresent();

        keys.revoke(created.id());
        keys.writeLastUse();

        assertThat(lastUsedInDatabase(created.id())).isNull();
        assertThat(keys.verify(created.key())).isEmpty();
    }

    /** The transaction that last wrote the row: unchanged means not written. */
    private long xmin(long id) {
        return jdbc.sql("SELECT xmin::text::bigint FROM api_keys WHERE id = ?").param(id).query(Long.class).single();
    }

    private Instant lastUsedInDatabase(long id) {
        return jdbc.sql("SELECT last_used_at FROM api_keys WHERE id = ?").param(id)
                .query((rs, n) -> Timestamps.read(rs, "last_used_at")).list().getFirst(); // single() refuses a null
    }

    private static ApiKeys.Listed listed(ApiKeys keys, long id) {
        return keys.list().stream().filter(key -> key.id() == id).findFirst().orElseThrow();
    }
}

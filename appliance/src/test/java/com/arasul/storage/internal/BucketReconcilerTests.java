package com.arasul.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.messages.Filter;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.Status;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expiry rules the reconcile writes, and how it tells a rule changed by hand (S3Proxy has no
 * lifecycle API, so this part is checked on the configuration objects MinIO's client sends).
 */
class BucketReconcilerTests {

    @Test
    void backupsExpireAfter90DaysOldVersionsToo() {
        BucketSpec backups = spec("backups");
        var rule = BucketReconciler.wanted(backups).rules().getFirst();

        assertThat(rule.expiration().days()).isEqualTo(90);
        assertThat(rule.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(90);
        assertThat(BucketReconciler.matches(BucketReconciler.wanted(backups), backups)).isTrue();
    }

    @Test
    void cachesExpireAfter7DaysAndWorkflowDataAfter30() {
        assertThat(BucketReconciler.wanted(spec("llm-cache")).rules().getFirst().expiration().days()).isEqualTo(7);
        assertThat(BucketReconciler.wanted(spec("embeddings-cache")).rules().getFirst().noncurrentVersionExpiration()).isNull();
        assertThat(BucketReconciler.wanted(spec("workflow-data")).rules().getFirst().expiration().days()).isEqualTo(30);
        assertThat(spec("documents").expiryDays()).isZero();
        assertThat(spec("documents").versioned()).isTrue();
        assertThat(spec("updates").versioned()).isTrue();
        assertThat(spec("llm-cache").versioned()).isFalse();
    }

    @Test
    void aRuleChangedByHandDoesNotMatch() {
        var shortened = new LifecycleConfiguration(List.of(new LifecycleConfiguration.Rule(Status.ENABLED, null,
                new LifecycleConfiguration.Expiration((ZonedDateTime) null, 1, null, null), new Filter(""), "mine",
                null, null, null)));

        assertThat(BucketReconciler.matches(shortened, spec("llm-cache"))).isFalse();
        assertThat(BucketReconciler.matches(BucketReconciler.wanted(spec("llm-cache")), spec("workflow-data"))).isFalse();
    }

    private static BucketSpec spec(String name) {
        return BucketSpec.ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}

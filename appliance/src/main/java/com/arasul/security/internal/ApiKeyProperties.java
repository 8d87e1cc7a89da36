package com.arasul.security.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * API keys for integrations.
 *
 * @param maxKeys keys that may exist unrevoked at the same time
 * @param rateLimit requests one key may make (its own budget, beside the per-address limits)
 * @param lastUsedFlush how often the "last used" times gathered in memory are written
 */
@Validated
@ConfigurationProperties("arasul.security.api-keys")
record ApiKeyProperties(@Min(1) @Max(10_000) int maxKeys, @Valid SecurityProperties.Limit rateLimit,
        Duration lastUsedFlush) {

    ApiKeyProperties {
        maxKeys = maxKeys > 0 ? maxKeys : 100;
        rateLimit = SecurityProperties.Limit.orDefault(rateLimit, 20, Duration.ofSeconds(1));
        lastUsedFlush = lastUsedFlush != null ? lastUsedFlush : Duration.ofSeconds(15);
    }
}

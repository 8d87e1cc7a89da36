package com.arasul.logs.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of the logs API ({@code arasul.logs.*}).
 *
 * @param streams SSE log streams open at once
 * @param streamTimeout an SSE log stream ends after this long (the client may reconnect)
 * @param searchMaxLines lines a log search reads at most, per source
 * @param linesMax lines {@code GET /api/logs} answers at most
 */
@Validated
@ConfigurationProperties("arasul.logs")
record LogsProperties(
        @Min(1) @Max(32) @DefaultValue("4") int streams,
        @NotNull @DefaultValue("10m") Duration streamTimeout,
        @Min(100) @Max(1_000_000) @DefaultValue("20000") int searchMaxLines,
        @Min(1) @Max(100_000) @DefaultValue("5000") int linesMax) {
}

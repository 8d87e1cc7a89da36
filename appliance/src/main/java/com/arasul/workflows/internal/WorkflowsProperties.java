package com.arasul.workflows.internal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where n8n answers and how it is watched. Without a URL the workflow engine is "not configured":
 * nothing is polled and nothing about it reaches the healing rules; the push door still records.
 *
 * @param n8nUrl n8n's own address, serving {@code /healthz} and {@code /api/v1} at its root ({@code ARASUL_N8N_URL})
 * @param apiKeyFile a file holding an n8n API key for its public API ({@code ARASUL_N8N_API_KEY_FILE})
 * @param editorUrl where the dashboard links to n8n's editor ({@code ARASUL_N8N_EDITOR_URL})
 * @param pollInterval how often executions are fetched and health is probed ({@code ARASUL_N8N_POLL_INTERVAL})
 * @param maxBackoff the longest wait between two polls while n8n does not answer
 * @param connectTimeout how long to wait for a connection to n8n
 * @param readTimeout how long to wait for one answer of n8n
 * @param pageSize executions asked for per page (n8n allows up to 250)
 * @param maxPages pages read per poll at most; a larger backlog keeps its newest executions
 */
@Validated
@ConfigurationProperties("arasul.workflows")
public record WorkflowsProperties(
        URI n8nUrl,
        Path apiKeyFile,
        @DefaultValue("/n8n/") String editorUrl,
        @NotNull @DefaultValue("30s") Duration pollInterval,
        @NotNull @DefaultValue("5m") Duration maxBackoff,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration readTimeout,
        @Min(1) @Max(250) @DefaultValue("100") int pageSize,
        @Min(1) @Max(1000) @DefaultValue("20") int maxPages) {

    public boolean configured() {
        return n8nUrl != null && !n8nUrl.toString().isBlank();
    }

    @AssertTrue(message = "must be at least 1s")
    boolean isPollIntervalSensible() {
        return pollInterval == null || pollInterval.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    @AssertTrue(message = "must be an http or https URL")
    boolean isN8nUrlSensible() {
        return !configured() || "http".equals(n8nUrl.getScheme()) || "https".equals(n8nUrl.getScheme());
    }
}

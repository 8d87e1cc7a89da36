package com.arasul.workflows.internal;

import com.arasul.workflows.internal.N8nWire.Execution;
import com.arasul.workflows.internal.N8nWire.ExecutionDetail;
import com.arasul.workflows.internal.N8nWire.ExecutionPage;
import com.arasul.workflows.internal.N8nWire.WorkflowPage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * n8n over HTTP: its health endpoint and the parts of its public API the appliance reads. Every call
 * has the configured timeouts; a failure is an {@link N8nUnavailable} whose message an owner can read.
 * The API key is read from its file for each call, so a new key needs no restart, and never logged.
 */
class N8nClient {

    static final String API_KEY_HEADER = "X-N8N-API-KEY";

    private final RestClient rest;
    private final Path apiKeyFile;
    private final int pageSize;

    N8nClient(WorkflowsProperties properties, HttpClient http) {
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().baseUrl(properties.n8nUrl().toString()).requestFactory(factory).build();
        this.apiKeyFile = properties.apiKeyFile();
        this.pageSize = properties.pageSize();
    }

    /** {@code /healthz}: n8n's process answers (it does so before its database is ready). */
    void healthz() {
        call("its health check", c -> c.get().uri("/healthz").retrieve().toBodilessEntity());
    }

    /**
     * One page of executions, newest first. n8n leaves the executions running right now out of this
     * list unless they are asked for by {@code status=running}.
     */
    ExecutionPage executions(String cursor, String status) {
        ExecutionPage page = call("listing its executions", c -> c.get()
                .uri(b -> {
                    b.path("/api/v1/executions").queryParam("limit", pageSize).queryParam("includeData", false);
                    if (status != null) {
                        b.queryParam("status", status);
                    }
                    return cursor == null ? b.build() : b.queryParam("cursor", cursor).build();
                })
                .header(API_KEY_HEADER, apiKey()).retrieve().body(ExecutionPage.class));
        return page == null || page.data() == null ? new ExecutionPage(List.<Execution>of(), null) : page;
    }

    /** Why a failed execution failed, as n8n recorded it; null when it recorded nothing. */
    String errorMessage(String executionId) {
        ExecutionDetail detail = call("reading execution " + executionId, c -> c.get()
                .uri("/api/v1/executions/{id}?includeData=true", executionId)
                .header(API_KEY_HEADER, apiKey()).retrieve().body(ExecutionDetail.class));
        return detail == null ? null : detail.errorMessage();
    }

    /** Every workflow's name by its id, read in at most {@code maxPages} pages. */
    Map<String, String> workflowNames(int maxPages) {
        Map<String, String> names = new HashMap<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            String current = cursor;
            WorkflowPage workflows = call("listing its workflows", c -> c.get()
                    .uri(b -> {
                        b.path("/api/v1/workflows").queryParam("limit", pageSize);
                        return current == null ? b.build() : b.queryParam("cursor", current).build();
                    })
                    .header(API_KEY_HEADER, apiKey()).retrieve().body(WorkflowPage.class));
            if (workflows == null || workflows.data() == null) {
                break;
            }
            workflows.data().forEach(w -> names.put(w.id(), w.name()));
            cursor = workflows.nextCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        return names;
    }

    private String apiKey() {
        if (apiKeyFile == null) {
            throw new N8nUnavailable("has no API key configured (ARASUL_N8N_API_KEY_FILE)", true);
        }
        try {
            String key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new N8nUnavailable("has no API key: " + apiKeyFile + " is empty", true);
            }
            return key;
        } catch (IOException e) {
            throw new N8nUnavailable("has no API key: " + apiKeyFile + " cannot be read", true);
        }
    }

    private <T> T call(String what, Function<RestClient, T> call) {
        try {
            return call.apply(rest);
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            // n8n answered: a refused key or a missing route is not an outage of n8n
            throw new N8nUnavailable("answered HTTP " + status + " to " + what
                    + (status == 401 || status == 403 ? " (is the API key valid?)" : ""), status < 500);
        } catch (RestClientException e) {
            throw new N8nUnavailable(describe(e) + " to " + what, false);
        }
    }

    private static String describe(RestClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return "did not answer in time";
            }
            if (t instanceof ConnectException) {
                return "refused the connection (not running?)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "failed (" + root.getClass().getSimpleName() + ")";
    }

    /** n8n could not be asked; {@code answering} tells whether it answered at all (a refused key) or not. */
    static final class N8nUnavailable extends RuntimeException {

        private final boolean answering;

        N8nUnavailable(String message, boolean answering) {
            super(message, null, false, false);
            this.answering = answering;
        }

        boolean answering() {
            return answering;
        }
    }
}

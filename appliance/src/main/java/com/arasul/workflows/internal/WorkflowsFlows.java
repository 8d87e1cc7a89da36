package com.arasul.workflows.internal;

import com.arasul.healing.HealingFlows;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The path of workflow activity: every poll interval one look at n8n records what it ran since the
 * last look and sends n8n's health to the healing rules; the push door
 * ({@code POST /api/workflows/execution}) writes into the same table, one row per execution.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowsProperties.class)
class WorkflowsFlows {

    static final String ERRORS_INPUT = "workflowsErrors.input";
    /** Region of the watermark in {@code INT_METADATA_STORE}. */
    static final String METADATA_REGION = "workflows";
    private static final Logger log = LoggerFactory.getLogger(WorkflowsFlows.class);

    @Bean
    WorkflowActivity workflowActivity(JdbcTemplate jdbc) {
        return new WorkflowActivity(jdbc);
    }

    /** Closed with the context; virtual threads, so there is no pool to size. */
    @Bean
    HttpClient n8nHttpClient(WorkflowsProperties properties) {
        return HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    @Bean
    N8nWatch n8nWatch(WorkflowsProperties properties, HttpClient n8nHttpClient, WorkflowActivity activity,
            DataSource dataSource) {
        if (!properties.configured()) {
            log.info("n8n is not configured (ARASUL_N8N_URL): only pushed workflow activity is recorded");
            return new N8nWatch(null, null, properties, Clock.systemUTC());
        }
        // not a bean: the update intake injects its own metadata store by type
        JdbcMetadataStore store = new JdbcMetadataStore(dataSource);
        store.setRegion(METADATA_REGION);
        store.afterPropertiesSet();
        N8nClient n8n = new N8nClient(properties, n8nHttpClient);
        return new N8nWatch(n8n, new ExecutionPoller(n8n, activity, store, properties.maxPages()), properties,
                Clock.systemUTC());
    }

    /** Every poll interval (spaced out while n8n does not answer): one look at n8n, its health to the rules. */
    @Bean
    IntegrationFlow n8nLook(N8nWatch watch, WorkflowsProperties properties) {
        return IntegrationFlow.fromSupplier(watch::look, e -> e.id("lookAtN8n")
                        .poller(Pollers.fixedDelay(properties.pollInterval()).errorChannel(ERRORS_INPUT)))
                .channel(HealingFlows.FACTS)
                .get();
    }

    /** A failure of a look is logged; the next look comes at the next interval. */
    @Bean
    IntegrationFlow workflowsErrors() {
        return flow -> flow.handle(message -> log.warn("workflow activity poll failed: {}", message.getPayload()),
                e -> e.id("logWorkflowsErrors"));
    }
}

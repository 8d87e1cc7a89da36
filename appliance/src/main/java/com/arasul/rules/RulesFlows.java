package com.arasul.rules;

import java.io.File;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.file.dsl.Files;
import org.springframework.integration.file.filters.ChainFileListFilter;
import org.springframework.integration.file.filters.LastModifiedFileListFilter;
import org.springframework.integration.file.filters.SimplePatternFileListFilter;
import org.springframework.integration.file.inbound.FileReadingMessageSource.WatchEventType;

/**
 * How a rule edit takes effect: the rules folder is watched (a {@code .drl} file created or changed
 * in any rule set's sub-folder, once it has been left alone for {@code arasul.rules.settle}), the
 * rule set it belongs to is compiled, and the new rule base replaces the running one only when it
 * compiled without errors; otherwise the last good one keeps running and the messages are logged
 * and shown by {@code GET /api/rules}. A slower check of every rule set's files catches what the
 * watch does not report: deleted files and lost events.
 */
@Configuration(proxyBeanMethods = false)
class RulesFlows {

    /** Where a failure inside these flows ends up: logged, the running rules untouched. */
    static final String ERRORS_INPUT = "rulesErrors.input";

    private static final Logger log = LoggerFactory.getLogger(RulesFlows.class);

    /** A created or changed rule file, once settled, recompiles its rule set. */
    @Bean
    IntegrationFlow ruleFilesWatchFlow(RulesProperties properties, RuleSets ruleSets,
            @Qualifier(RulesConfiguration.COMPILER_EXECUTOR) TaskExecutor compilerExecutor) {
        ChainFileListFilter<File> filter = new ChainFileListFilter<>();
        filter.addFilter(new SimplePatternFileListFilter("*.drl"));
        LastModifiedFileListFilter settled = new LastModifiedFileListFilter();
        settled.setAge(properties.settle()); // a held-back file is looked at again on the next poll
        filter.addFilter(settled);
        return IntegrationFlow.from(Files.inboundAdapter(ruleSets.root().toFile())
                                .useWatchService(true)
                                .watchEvents(WatchEventType.CREATE, WatchEventType.MODIFY, WatchEventType.DELETE)
                                .filter(filter)
                                .autoCreateDirectory(true),
                        e -> e.id("ruleFilesWatch").autoStartup(properties.watch())
                                .poller(Pollers.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(100)
                                        .taskExecutor(compilerExecutor).errorChannel(ERRORS_INPUT)))
                .filter(File.class, f -> ruleSets.ruleSetOf(f.toPath()).isPresent(),
                        e -> e.id("onlyFilesOfARuleSet").discardChannel("nullChannel"))
                .handle(File.class, (file, headers) -> {
                    ruleSets.changed(file.toPath());
                    return null;
                }, e -> e.id("recompileRuleSetOfFile"))
                .get();
    }

    /** Every check interval, the rule sets whose files differ from their last build are recompiled. */
    @Bean
    IntegrationFlow ruleFoldersCheckFlow(RulesProperties properties, RuleSets ruleSets,
            @Qualifier(RulesConfiguration.COMPILER_EXECUTOR) TaskExecutor compilerExecutor) {
        return IntegrationFlow.fromSupplier(() -> {
                            List<String> changed = ruleSets.changedAndSettled(properties.settle());
                            return changed.isEmpty() ? null : changed;
                        },
                        e -> e.id("ruleFoldersCheck").autoStartup(properties.watch())
                                .poller(Pollers.fixedDelay(properties.checkInterval())
                                        .taskExecutor(compilerExecutor).errorChannel(ERRORS_INPUT)))
                .splitWith(s -> s.id("eachChangedRuleSet"))
                .handle(String.class, (name, headers) -> {
                    ruleSets.recompile(name);
                    return null;
                }, e -> e.id("recompileChangedRuleSet"))
                .get();
    }

    @Bean
    IntegrationFlow rulesErrors() {
        return flow -> flow.handle(message -> log.warn("rule folder change not applied: {}", message.getPayload()),
                e -> e.id("logRuleFolderErrors"));
    }
}

package com.arasul.rules;

import com.arasul.rules.internal.ShippedRules;
import java.time.Clock;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The rule sets of the rules folder, compiled before any other capability asks for them. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    /** Name of the single thread that compiles changed rule sets. */
    static final String COMPILER_EXECUTOR = "rulesCompilerExecutor";

    @Bean
    RuleCompiler ruleCompiler() {
        return new RuleCompiler(Clock.systemUTC());
    }

    @Bean
    RuleSets ruleSets(RulesProperties properties, RuleCompiler compiler, ApplicationEventPublisher events) {
        // the first build runs beside the rest of the start, on a thread of its own that then ends
        return new RuleSets(properties.dir(), compiler, ShippedRules.fromClasspath(), events,
                build -> Thread.ofPlatform().name("rules-first-build").daemon().start(build));
    }

    /**
     * Compiling takes a second or two: it runs on a thread of its own rather than on the shared
     * scheduler. One at a time, and a poll that finds it busy is dropped, since the next one sees
     * the same files.
     */
    @Bean(COMPILER_EXECUTOR)
    ThreadPoolTaskExecutor rulesCompilerExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(2);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setThreadNamePrefix("rules-compiler-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}

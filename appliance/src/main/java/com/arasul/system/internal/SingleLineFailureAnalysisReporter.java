package com.arasul.system.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports why the appliance did not start. A bad configuration value is one line an operator can
 * act on; any other failure keeps Spring Boot's full description. Spring Boot's own reporter is
 * switched off in application.yml so that each failure is reported once.
 */
public class SingleLineFailureAnalysisReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(SingleLineFailureAnalysisReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        if (analysis instanceof InvalidConfigurationFailureAnalyzer.InvalidConfiguration) {
            log.error(analysis.getDescription().replaceAll("\\s*\\R\\s*", " "));
            return;
        }
        log.debug("The appliance failed to start", analysis.getCause());
        log.error("The appliance did not start.%n%nDescription:%n%n%s%n%nAction:%n%n%s".formatted(
                analysis.getDescription(), analysis.getAction()));
    }
}

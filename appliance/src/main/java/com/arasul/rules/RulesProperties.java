package com.arasul.rules;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the rules live and how changes to them are picked up ({@code arasul.rules.*}).
 *
 * @param dir the folder the engine reads and integrators edit ({@code ARASUL_RULES_DIR}, by default
 *     {@code $ARASUL_DATA_DIR/rules}); one sub-folder per rule set, e.g. {@code healing/}
 * @param watch whether changes in the folder are compiled and activated while the appliance runs
 * @param settle how long a file must have been left alone before it is compiled, so that a file an
 *     editor is still writing is not compiled half-written
 * @param pollInterval how often the watch service's events are looked at
 * @param checkInterval how often every rule set's files are compared with what was last compiled:
 *     the backstop for deletions (which the watch adapter does not report) and lost events
 * @param maxFirings the most rule firings of one session in one cycle ({@code ARASUL_RULES_MAX_FIRINGS});
 *     rules that fire more (a rule that keeps modifying what it matches) are set aside
 * @param firingBudget the longest one cycle of firing may take ({@code ARASUL_RULES_FIRING_BUDGET}); rules
 *     that take longer are set aside
 */
@Validated
@ConfigurationProperties("arasul.rules")
public record RulesProperties(
        @NotNull Path dir,
        @DefaultValue("true") boolean watch,
        @NotNull @DefaultValue("1s") Duration settle,
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @NotNull @DefaultValue("10s") Duration checkInterval,
        @Positive @DefaultValue("10000") int maxFirings,
        @NotNull @DefaultValue("2s") Duration firingBudget) {
}

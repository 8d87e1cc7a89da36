package com.arasul.rules;

import java.time.Instant;
import java.util.List;

/**
 * A rule set's folder was compiled without errors and its new rule base replaced the running one.
 * Whoever runs sessions on that rule set swaps them to {@code RuleSets.get(ruleSet).active()}.
 * Not published for the build made when the appliance starts: that one is active before any
 * other bean can ask.
 *
 * @param ruleSet the rule set's name (its folder), e.g. {@code healing}
 * @param version counts the activations of this rule set since the start, the first is 1
 * @param activatedAt when it became active
 * @param files the rule files it was compiled from, relative to the rules folder
 */
public record RuleSetActivated(String ruleSet, long version, Instant activatedAt, List<String> files) {
}

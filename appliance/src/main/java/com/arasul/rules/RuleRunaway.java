package com.arasul.rules;

import org.kie.api.KieBase;

/**
 * A rule session's rules exceeded their firing limit in one cycle (too many firings, or too long)
 * or failed while firing: that rule base is to be set aside for the last good one.
 *
 * @param session the session's name, e.g. {@code healing}
 * @param kieBase the rule base that ran away
 * @param reason a sentence for the owner, naming the rule that fired most
 */
public record RuleRunaway(String session, KieBase kieBase, String reason) {
}

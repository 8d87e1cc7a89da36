package com.arasul.rules;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;

/**
 * The outcome of compiling a rule set: a rule base when there were no errors, and every message.
 *
 * @param kieBase the compiled rules, {@code null} when there were errors
 * @param messages every message, errors and warnings
 * @param files the rule files that went in, relative to the rule set's folder
 * @param builtAt when the build finished
 */
public record RuleBuild(KieBase kieBase, List<RuleMessage> messages, List<String> files, Instant builtAt) {

    public RuleBuild {
        messages = List.copyOf(messages);
        files = List.copyOf(files);
    }

    public boolean ok() {
        return kieBase != null && messages.stream().noneMatch(RuleMessage::isError);
    }

    public List<RuleMessage> errors() {
        return messages.stream().filter(RuleMessage::isError).toList();
    }
}

package com.arasul.healing;

import java.util.Objects;

/**
 * What a rule asks for. Rules insert these; the {@link SafetyFloor} decides whether they run.
 *
 * @param type the action
 * @param service the managed service ({@code arasul.service} label) it is for, {@code null} for the host
 * @param category the escalation category the rule belongs to
 * @param rule the name of the rule that asked
 * @param reason a sentence the owner of the box understands
 */
public record ActionRequest(ActionType type, String service, Category category, String rule, String reason) {

    public ActionRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}

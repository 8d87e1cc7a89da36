package com.arasul.rules;

/**
 * One message of the Drools compiler, as an integrator needs it to fix a rule file.
 *
 * @param file path of the file relative to the rule set's folder, e.g. {@code healing/overload.drl}
 * @param line 1-based line, 0 when Drools gives none
 * @param column 1-based column, 0 when Drools gives none
 * @param level {@code ERROR}, {@code WARNING} or {@code INFO}
 * @param text what Drools says
 */
public record RuleMessage(String file, int line, int column, String level, String text) {

    public boolean isError() {
        return "ERROR".equals(level);
    }
}

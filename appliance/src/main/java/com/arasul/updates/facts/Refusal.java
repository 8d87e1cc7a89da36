package com.arasul.updates.facts;

/**
 * Inserted by an update rule for each check a package fails; any refusal refuses the package.
 *
 * @param code a stable upper-case code clients may match on, e.g. {@code DOWNGRADE}
 * @param message a sentence the owner understands
 */
public record Refusal(String code, String message) {
}

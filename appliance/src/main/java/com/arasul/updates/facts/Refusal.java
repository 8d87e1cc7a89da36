package com.arasul.updates.facts;

/**
 * Inserted by an update rule for each check a package fails; any refusal refuses the package.
 *
 * @param code a stable upper-case code clients may match on, e.g. {@code DOWNGRADE}
 * @param message a sentence the owner understands
 * @param retryable whether the reason lies in the box's passing state (another update running,
 *     critical healing, too little disk, outside a maintenance window) rather than in the package:
 *     a package refused only for such reasons may be brought again, the same file, and is checked anew
 */
public record Refusal(String code, String message, boolean retryable) {

    /** A refusal for the package's own content: the same file stays refused. */
    public Refusal(String code, String message) {
        this(code, message, false);
    }

    /** A refusal for the box's state at this moment: the same file may be brought again later. */
    public static Refusal forNow(String code, String message) {
        return new Refusal(code, message, true);
    }
}

package com.arasul.updates.format;

/**
 * A package was refused: a stable {@link RefusalReason} code plus a sentence saying what was wrong.
 * When the verifier throws this, nothing of the package is left in the staging folder.
 */
public final class PackageRefusedException extends Exception {

    private final RefusalReason reason;

    public PackageRefusedException(RefusalReason reason, String sentence) {
        super(sentence);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The sentence, without the code. */
    public String sentence() {
        return getMessage();
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}

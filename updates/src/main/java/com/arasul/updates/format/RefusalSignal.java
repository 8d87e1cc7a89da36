package com.arasul.updates.format;

import java.io.IOException;

/**
 * Carries a refusal out of code that may only throw {@link IOException}: the stream guards that
 * commons-compress reads through.
 */
final class RefusalSignal extends IOException {

    private final transient PackageRefusedException refusal;

    RefusalSignal(RefusalReason reason, String sentence) {
        super(sentence);
        this.refusal = new PackageRefusedException(reason, sentence);
    }

    PackageRefusedException refusal() {
        return refusal;
    }

    /** The refusal somewhere in a cause chain, or null. */
    static PackageRefusedException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RefusalSignal s) return s.refusal;
        }
        return null;
    }
}

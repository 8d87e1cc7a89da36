package com.arasul.workflows.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The states of an execution, as n8n names them; failures are {@code error} and {@code crashed}. */
public enum WorkflowStatus {
    SUCCESS, ERROR, CRASHED, CANCELED, RUNNING, WAITING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean failed() {
        return this == ERROR || this == CRASHED;
    }

    public boolean finished() {
        return this != RUNNING && this != WAITING;
    }

    /** n8n's own word ({@code new} and {@code unknown} count as running, {@code cancelled} as canceled). */
    public static Optional<WorkflowStatus> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "new", "unknown" -> Optional.of(RUNNING);
            case "cancelled" -> Optional.of(CANCELED);
            case "failed" -> Optional.of(ERROR);
            default -> Arrays.stream(values()).filter(s -> s.wire().equals(text.strip().toLowerCase(Locale.ROOT)))
                    .findFirst();
        };
    }

    public static String choices() {
        return Arrays.stream(values()).map(WorkflowStatus::wire).collect(Collectors.joining(", "));
    }
}

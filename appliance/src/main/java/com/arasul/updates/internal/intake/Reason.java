package com.arasul.updates.internal.intake;

/** Why a package was refused: a stable code and a sentence for the owner. */
record Reason(String code, String message) {

    /** How reasons are kept in the {@code reason} column: one {@code CODE: sentence} per line. */
    static String toColumn(java.util.List<Reason> reasons) {
        return String.join("\n", reasons.stream().map(r -> r.code() + ": " + r.message().replace('\n', ' ')).toList());
    }

    static java.util.List<Reason> fromColumn(String column) {
        if (column == null || column.isBlank()) {
            return java.util.List.of();
        }
        return column.lines().map(line -> {
            int colon = line.indexOf(": ");
            return colon > 0 ? new Reason(line.substring(0, colon), line.substring(colon + 2)) : new Reason("REFUSED", line);
        }).toList();
    }
}

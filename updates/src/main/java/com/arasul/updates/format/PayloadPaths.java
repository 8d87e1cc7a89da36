package com.arasul.updates.format;

import java.util.regex.Pattern;

/** The rules a payload path must follow so that it can only ever land inside staging. */
final class PayloadPaths {

    static final String PREFIX = "payload/";
    static final int MAX_LENGTH = 4096;
    // Plain printable names only: no backslashes (Windows separators), no control characters.
    private static final Pattern SEGMENT = Pattern.compile("[^\\x00-\\x1f\\x7f/\\\\]+");

    private PayloadPaths() {
    }

    /** Why a relative payload path is unsafe, or null if it is safe. */
    static String problem(String path) {
        if (path.isEmpty()) return "is empty";
        if (path.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
        if (path.startsWith("/")) return "is absolute";
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) return "contains ..";
            if (segment.isEmpty() || segment.equals(".")) return "has an empty or '.' segment";
            if (!SEGMENT.matcher(segment).matches()) return "contains a backslash or a control character";
        }
        return null;
    }

    /** Why an archive entry name is unsafe, or null if it is safe (it may still be outside payload/). */
    static String entryProblem(String name) {
        if (name.startsWith("/")) return "is absolute";
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return problem(trimmed);
    }
}

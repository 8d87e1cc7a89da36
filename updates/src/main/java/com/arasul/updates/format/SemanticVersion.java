package com.arasul.updates.format;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver 2.0.0): {@code MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]}. Ordering
 * follows semver precedence, so build metadata is ignored when comparing; {@link #equals} agrees
 * with {@link #compareTo} for that reason.
 */
public final class SemanticVersion implements Comparable<SemanticVersion> {

    // The official semver 2.0.0 grammar: no leading zeros in numeric parts.
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern NUMERIC = Pattern.compile("\\d+");
    private static final int MAX_LENGTH = 256;

    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<String> preRelease;
    private final String build;
    private final String text;

    private SemanticVersion(Matcher m, String text) {
        this.major = new BigInteger(m.group(1));
        this.minor = new BigInteger(m.group(2));
        this.patch = new BigInteger(m.group(3));
        this.preRelease = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        this.build = m.group(5);
        this.text = text;
    }

    /** Parses a version; throws {@link IllegalArgumentException} with a readable message if it is not one. */
    public static SemanticVersion parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a semantic version (MAJOR.MINOR.PATCH): " + abbreviate(text));
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a semantic version (MAJOR.MINOR.PATCH): " + abbreviate(text));
        }
        return new SemanticVersion(m, text);
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    public boolean isNewerThan(SemanticVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = major.compareTo(o.major);
        if (c == 0) c = minor.compareTo(o.minor);
        if (c == 0) c = patch.compareTo(o.patch);
        return c != 0 ? c : comparePreRelease(preRelease, o.preRelease);
    }

    // A version without pre-release ranks above one with; identifiers compare pairwise, numeric
    // ones numerically and below alphanumeric ones; a longer list wins when all else is equal.
    private static int comparePreRelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareIdentifier(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String x, String y) {
        boolean xNum = NUMERIC.matcher(x).matches();
        boolean yNum = NUMERIC.matcher(y).matches();
        if (xNum && yNum) return new BigInteger(x).compareTo(new BigInteger(y));
        if (xNum != yNum) return xNum ? -1 : 1;
        return x.compareTo(y);
    }

    private static String abbreviate(String text) {
        if (text == null) return "(none)";
        return '"' + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SemanticVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, preRelease);
    }

    /** The version exactly as it was written, build metadata included. */
    @Override
    public String toString() {
        return text;
    }
}

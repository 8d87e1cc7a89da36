package com.arasul.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The L4T release of a Jetson, read from {@code /etc/nv_tegra_release}, and the JetPack it ships
 * with (NVIDIA's published L4T → JetPack table; an L4T we do not know yet is named by its major).
 *
 * @param l4t e.g. {@code 36.4.3}
 * @param jetpack e.g. {@code 6.2}, or {@code 6.x} when this L4T is not in the table
 * @param board the BOARD field, when present
 */
public record JetsonRelease(String l4t, String jetpack, String board) {

    public static final String FILE_NAME = "nv_tegra_release";

    // # R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: ...
    private static final Pattern RELEASE = Pattern.compile("#\\s*R(\\d+)\\s*\\(release\\),\\s*REVISION:\\s*(\\d+(?:\\.\\d+)*)");
    private static final Pattern BOARD = Pattern.compile("BOARD:\\s*([^,\\s]+)");

    private static final Map<String, String> JETPACK = Map.ofEntries(
            Map.entry("36.4.4", "6.2.1"), Map.entry("36.4.3", "6.2"), Map.entry("36.4.0", "6.1"),
            Map.entry("36.3.0", "6.0"), Map.entry("36.2.0", "6.0 DP"),
            Map.entry("35.6.1", "5.1.5"), Map.entry("35.6.0", "5.1.4"), Map.entry("35.5.0", "5.1.3"),
            Map.entry("35.4.1", "5.1.2"), Map.entry("35.3.1", "5.1.1"), Map.entry("35.2.1", "5.1"),
            Map.entry("35.1.0", "5.0.2"), Map.entry("34.1.1", "5.0.1 DP"), Map.entry("34.1.0", "5.0 DP"),
            Map.entry("32.7.6", "4.6.6"), Map.entry("32.7.5", "4.6.5"), Map.entry("32.7.4", "4.6.4"),
            Map.entry("32.7.3", "4.6.3"), Map.entry("32.7.2", "4.6.2"), Map.entry("32.7.1", "4.6.1"),
            Map.entry("32.6.1", "4.6"), Map.entry("32.5.1", "4.5.1"), Map.entry("32.5.0", "4.5"));

    private static final Map<String, String> JETPACK_BY_MAJOR = Map.of("36", "6.x", "35", "5.x", "34", "5.x",
            "32", "4.x");

    /** Empty when the file is missing or unreadable: this is not a Jetson. */
    public static Optional<JetsonRelease> read(Path etcRoot) {
        Path file = etcRoot.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Optional<JetsonRelease> parse(String content) {
        Matcher release = RELEASE.matcher(content);
        if (!release.find()) {
            return Optional.empty();
        }
        String major = release.group(1);
        String l4t = normalise(major + "." + release.group(2));
        String jetpack = JETPACK.getOrDefault(l4t, JETPACK_BY_MAJOR.getOrDefault(major, "unknown"));
        Matcher board = BOARD.matcher(content);
        return Optional.of(new JetsonRelease(l4t, jetpack, board.find() ? board.group(1) : null));
    }

    /** {@code 36.3} and {@code 36.3.0} are the same release. */
    private static String normalise(String version) {
        String[] parts = version.split("\\.");
        return parts.length == 2 ? version + ".0" : version;
    }
}

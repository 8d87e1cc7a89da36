package com.arasul.telemetry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Reading the small text files of sysfs: a file that is missing, unreadable or not a number is simply absent. */
final class SysfsFiles {

    private SysfsFiles() {
    }

    /** The content without surrounding whitespace and the NUL that device-tree strings end with. */
    static Optional<String> text(Path file) {
        try {
            String raw = Files.readString(file).replace("\0", "").strip();
            return raw.isEmpty() ? Optional.empty() : Optional.of(raw);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The first token as a number ({@code curr1_max} files read like {@code 32760 ma} on some kernels). */
    static OptionalDouble number(Path file) {
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text.get().split("\\s+")[0]));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The entries of a folder whose name starts with the prefix, sorted; none when it is not there. */
    static List<Path> children(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}

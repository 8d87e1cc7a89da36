package com.arasul.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures of one run, printed as a table and optionally written into a Markdown file. */
final class BenchmarkReport {

    static final String BEGIN = "<!-- appliance-benchmark:begin -->";
    static final String END = "<!-- appliance-benchmark:end -->";

    private record Row(String figure, String value, String target) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> context = new ArrayList<>();

    void figure(String figure, String value, String target) {
        rows.add(new Row(figure, value, target));
    }

    void notMeasured(String figure, String reason, String target) {
        rows.add(new Row(figure, "not measured: " + reason, target));
    }

    void context(String line) {
        context.add(line);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        context.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\n| figure | measured | target |\n| --- | --- | --- |\n");
        rows.forEach(row -> text.append("| ").append(row.figure()).append(" | ").append(row.value().replace("|", "/"))
                .append(" | ").append(row.target()).append(" |\n"));
        return text.toString();
    }

    /** Replaces this benchmark's section of {@code file} (between its markers), or appends one. */
    void writeInto(Path file) throws IOException {
        String section = BEGIN + "\n" + markdown() + END;
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + section + existing.substring(end + END.length())
                : existing.stripTrailing() + "\n\n" + section + "\n";
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, updated);
    }
}

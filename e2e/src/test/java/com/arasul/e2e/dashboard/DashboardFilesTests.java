package com.arasul.e2e.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built dashboard references nothing outside the box: no CDN, no web font, no script from elsewhere. */
class DashboardFilesTests {

    private static final Path DIST = Path.of(System.getProperty("arasul.ui.dist", "../ui/target/dist"));
    private static final Pattern URL = Pattern.compile("(?i)(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s\"'`)]*");
    /** XML namespace names in the bundled libraries: identifiers, never fetched. */
    private static final Set<String> NAMESPACES = Set.of("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
            "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/1999/xlink", "http://www.w3.org/XML/1998/namespace");

    @Test
    void theIndexAndEveryAssetReferenceOnlyTheApplianceItself() throws IOException {
        List<Path> files = files();
        assertThat(files).as("the built dashboard under %s", DIST.toAbsolutePath())
                .anyMatch(f -> f.getFileName().toString().equals("index.html"))
                .anyMatch(f -> f.toString().endsWith(".js"))
                .anyMatch(f -> f.toString().endsWith(".css"));
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher urls = URL.matcher(text);
            while (urls.find()) {
                assertThat(urls.group()).as("an address outside the box in %s", DIST.relativize(file)).isIn(NAMESPACES);
            }
        }
    }

    @Test
    void noWebFontAndNoInlineScriptOrStyleInTheIndex() throws IOException {
        for (Path file : files()) {
            String text = Files.readString(file);
            assertThat(text).as("%s", file).doesNotContainIgnoringCase("@font-face").doesNotContainIgnoringCase("@import");
        }
        String index = Files.readString(DIST.resolve("index.html"));
        assertThat(index).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style").doesNotContain("style=");
        assertThat(index).containsPattern("<script type=\"module\" crossorigin src=\"/assets/index-[\\w-]+\\.js\"></script>");
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(DIST)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(html|js|css|svg)$")).toList();
        }
    }
}

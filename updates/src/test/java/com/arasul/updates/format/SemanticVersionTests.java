package com.arasul.updates.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemanticVersionTests {

    @Test
    void ordersVersionsBySemverPrecedence() {
        // The example chain from semver.org, section 11.
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
        List<SemanticVersion> parsed = ascending.stream().map(SemanticVersion::parse).toList();
        assertThat(parsed.reversed().stream().sorted().map(SemanticVersion::toString)).containsExactlyElementsOf(ascending);
    }

    @Test
    void ignoresBuildMetadataWhenComparing() {
        assertThat(SemanticVersion.parse("1.2.3+build.5")).isEqualByComparingTo(SemanticVersion.parse("1.2.3"))
                .isEqualTo(SemanticVersion.parse("1.2.3+other"));
        assertThat(SemanticVersion.parse("1.2.3+build.5")).hasToString("1.2.3+build.5");
    }

    @Test
    void comparesNumbersNumericallyNotAsText() {
        assertThat(SemanticVersion.parse("1.10.0").isNewerThan(SemanticVersion.parse("1.9.0"))).isTrue();
        assertThat(SemanticVersion.parse("1.0.0-rc.10").isNewerThan(SemanticVersion.parse("1.0.0-rc.9"))).isTrue();
    }

    @Test
    void rejectsWhatIsNotASemanticVersion() {
        Stream.of("1", "1.2", "v1.2.3", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3+", " 1.2.3", "1.2.3.4", "", "1.2.3-a..b")
                .forEach(text -> assertThatIllegalArgumentException().as(text).isThrownBy(() -> SemanticVersion.parse(text))
                        .withMessageContaining("semantic version"));
    }
}

package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.system.internal.JetsonRelease;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JetsonReleaseTests {

    static final Path AGX_ORIN_ETC = Path.of("src/test/resources/jetson/etc");

    @Test
    void readsL4tAndJetPackOfAnAgxOrinOnJetPack62() {
        assertThat(JetsonRelease.read(AGX_ORIN_ETC)).contains(new JetsonRelease("36.4.3", "6.2", "generic"));
    }

    @Test
    void isEmptyWhereThereIsNoReleaseFile(@TempDir Path etc) {
        assertThat(JetsonRelease.read(etc)).isEmpty();
    }

    @Test
    void mapsKnownReleasesOfOlderJetPacks() {
        assertThat(JetsonRelease.parse("# R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64"))
                .get().extracting(JetsonRelease::l4t, JetsonRelease::jetpack).containsExactly("35.4.1", "5.1.2");
        assertThat(JetsonRelease.parse("# R32 (release), REVISION: 7.1, GCID: 29818004, BOARD: t186ref, EABI: aarch64"))
                .get().extracting(JetsonRelease::l4t, JetsonRelease::jetpack).containsExactly("32.7.1", "4.6.1");
        assertThat(JetsonRelease.parse("# R36 (release), REVISION: 3.0, GCID: 36191598, BOARD: generic, EABI: aarch64"))
                .get().extracting(JetsonRelease::jetpack).isEqualTo("6.0");
    }

    @Test
    void namesTheJetPackGenerationOfAReleaseNotInTheTable() {
        assertThat(JetsonRelease.parse("# R36 (release), REVISION: 9.1, GCID: 1, BOARD: generic, EABI: aarch64"))
                .get().extracting(JetsonRelease::l4t, JetsonRelease::jetpack).containsExactly("36.9.1", "6.x");
    }

    @Test
    void ignoresAFileItCannotRead() {
        assertThat(JetsonRelease.parse("garbage")).isEmpty();
    }
}

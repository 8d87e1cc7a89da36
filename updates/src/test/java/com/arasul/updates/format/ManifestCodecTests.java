package com.arasul.updates.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestCodecTests {

    final PackageFixture fixture = new PackageFixture();

    @Test
    void readsBackWhatItWrites() throws Exception {
        Manifest read = ManifestCodec.toManifest(ManifestCodec.readTree(fixture.manifestJson()));
        assertThat(read).isEqualTo(fixture.manifest);
    }

    @Test
    void refusesFormatOtherThanOne() {
        assertThat(reason(json().replace("\"format\" : 1", "\"format\" : 2"))).isEqualTo(RefusalReason.UNSUPPORTED_FORMAT);
    }

    @Test
    void refusesManifestWithoutRequiredField() {
        for (String field : new String[] {"version", "min_version", "created_at", "key_id", "requires_reboot", "release_notes", "components", "files"}) {
            String renamed = json().replace("\"" + field + "\" :", "\"x_" + field + "\" :");
            assertThat(reason(renamed)).as(field).isEqualTo(RefusalReason.MANIFEST_INVALID);
        }
    }

    @Test
    void refusesBadVersions() {
        assertThat(reason(json().replace("\"1.2.0\"", "\"1.2\""))).isEqualTo(RefusalReason.MANIFEST_INVALID);
        assertThat(reason(json().replace("\"1.0.0\"", "\"2.0.0\""))).as("min_version above version").isEqualTo(RefusalReason.MANIFEST_INVALID);
    }

    @Test
    void refusesComponentWhoseFileIsNotListed() {
        assertThat(reason(json().replace("\"file\" : \"images/vision.tar\"", "\"file\" : \"images/other.tar\"")))
                .isEqualTo(RefusalReason.MANIFEST_INVALID);
        assertThat(reason(json().replace("\"dir\" : \"rules\"", "\"dir\" : \"rulez\""))).isEqualTo(RefusalReason.MANIFEST_INVALID);
    }

    @Test
    void refusesUnknownComponentType() {
        assertThat(reason(json().replace("\"type\" : \"migrations\"", "\"type\" : \"kernel\""))).isEqualTo(RefusalReason.UNKNOWN_COMPONENT_TYPE);
    }

    @Test
    void refusesDuplicateKeysSoThatNoTwoReadersDisagree() {
        assertThat(reason(json().replace("\"format\" : 1,", "\"format\" : 1, \"format\" : 1,"))).isEqualTo(RefusalReason.MANIFEST_INVALID);
    }

    @Test
    void refusesFileListedTwiceOrAsFileAndFolder() {
        String twice = json().replace("\"files\" : [", "\"files\" : [ {\"path\":\"rules/healing.drl\",\"size\":1,\"sha256\":\"" + "0".repeat(64) + "\"},");
        assertThat(reason(twice)).isEqualTo(RefusalReason.MANIFEST_INVALID);
        String both = json().replace("\"files\" : [", "\"files\" : [ {\"path\":\"rules\",\"size\":1,\"sha256\":\"" + "0".repeat(64) + "\"},");
        assertThat(reason(both)).isEqualTo(RefusalReason.MANIFEST_INVALID);
    }

    private String json() {
        return new String(fixture.manifestJson(), StandardCharsets.UTF_8);
    }

    private static RefusalReason reason(String json) {
        return PackageVerifierRefusalTests.refusal(() -> ManifestCodec.toManifest(
                ManifestCodec.readTree(json.getBytes(StandardCharsets.UTF_8)))).reason();
    }
}

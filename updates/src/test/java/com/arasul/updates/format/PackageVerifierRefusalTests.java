package com.arasul.updates.format;

import static com.arasul.updates.format.RefusalReason.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reason a package is refused, each with a package built to provoke it; staging is always left empty. */
class PackageVerifierRefusalTests {

    @TempDir
    Path temp;

    final PackageFixture fixture = new PackageFixture();
    VerificationLimits limits = VerificationLimits.defaults();

    @Test
    void acceptsTheUntamperedFixture() throws Exception {
        VerifiedPackage verified = verifier().verify(new ByteArrayInputStream(fixture.validPackage()), staging());
        assertThat(verified.stagedFile("images/vision.tar")).hasBinaryContent(fixture.payload.get("images/vision.tar"));
    }

    @Test
    void rejectsPackageSignedWithUnknownKey() {
        byte[] json = fixture.manifest(m -> with(m, Ed25519Keys.keyId(PackageFixture.OTHER_KEY.getPublic()))).manifestJson();
        TarBuilder tar = new TarBuilder().file("manifest.json", json)
                .file("manifest.sig", Ed25519Keys.sign(PackageFixture.OTHER_KEY.getPrivate(), json));
        fixture.payload.forEach((p, b) -> tar.file("payload/" + p, b));
        assertRefused(tar.bytes(), UNKNOWN_KEY);
    }

    @Test
    void rejectsPackageWhoseSignatureDoesNotMatchTheManifest() {
        byte[] json = fixture.manifestJson();
        byte[] forged = Arrays.copyOf(json, json.length);
        forged[forged.length / 2] ^= 0x01;
        TarBuilder tar = new TarBuilder().file("manifest.json", forged).file("manifest.sig", fixture.signature());
        fixture.payload.forEach((p, b) -> tar.file("payload/" + p, b));
        assertRefused(tar.bytes(), BAD_SIGNATURE, MANIFEST_INVALID);
        // A flip that keeps the JSON readable must still be caught by the signature.
        byte[] renotes = new String(json, StandardCharsets.UTF_8).replace("Better", "Butter").getBytes(StandardCharsets.UTF_8);
        TarBuilder tar2 = new TarBuilder().file("manifest.json", renotes).file("manifest.sig", fixture.signature());
        fixture.payload.forEach((p, b) -> tar2.file("payload/" + p, b));
        assertRefused(tar2.bytes(), BAD_SIGNATURE);
    }

    @Test
    void rejectsSignatureOfTheWrongLength() {
        byte[] tar = new TarBuilder().file("manifest.json", fixture.manifestJson())
                .file("manifest.sig", Arrays.copyOf(fixture.signature(), 63)).bytes();
        assertRefused(tar, BAD_SIGNATURE);
    }

    @Test
    void checksTheSignatureBeforeReadingAnyPayloadByte() {
        byte[] json = fixture.manifestJson();
        byte[] badSig = fixture.signature();
        badSig[0] ^= 0x40;
        TarBuilder tar = new TarBuilder().file("manifest.json", json).file("manifest.sig", badSig);
        fixture.payload.forEach((p, b) -> tar.file("payload/" + p, b));
        long payloadStart = 512 + padded(json.length) + 512 + 512;
        InputStream tripwire = new ByteArrayInputStream(tar.bytes()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos + len > payloadStart) throw new AssertionError("read into the payload before the signature was checked: pos " + pos + " len " + len + " start " + payloadStart);
                return super.read(b, off, len);
            }
        };
        assertThat(refusal(() -> verifier().verify(tripwire, staging())).reason()).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void rejectsManifestThatIsNotFirst() {
        byte[] json = fixture.manifestJson();
        byte[] tar = new TarBuilder().file("payload/rules/healing.drl", fixture.payload.get("rules/healing.drl"))
                .file("manifest.json", json).file("manifest.sig", fixture.signature()).bytes();
        assertRefused(tar, MANIFEST_NOT_FIRST);
    }

    @Test
    void rejectsEmptyArchive() {
        assertRefused(new TarBuilder().bytes(), MANIFEST_NOT_FIRST);
    }

    @Test
    void rejectsManifestOverOneMebibyte() {
        byte[] json = fixture.manifest(m -> new Manifest(1, m.version(), m.minVersion(), m.createdAt(), m.keyId(), false,
                "x".repeat(VerificationLimits.MAX_MANIFEST_BYTES), m.components(), m.files())).manifestJson();
        assertRefused(new TarBuilder().file("manifest.json", json).file("manifest.sig", new byte[64]).bytes(), MANIFEST_TOO_LARGE);
    }

    @Test
    void rejectsPackageWithoutSignatureAfterTheManifest() {
        TarBuilder tar = new TarBuilder().file("manifest.json", fixture.manifestJson());
        fixture.payload.forEach((p, b) -> tar.file("payload/" + p, b));
        assertRefused(tar.bytes(), SIGNATURE_MISSING);
    }

    @Test
    void rejectsPackageMissingAListedFile() {
        byte[] tar = fixture.header().file("payload/images/vision.tar", fixture.payload.get("images/vision.tar"))
                .file("payload/rules/healing.drl", fixture.payload.get("rules/healing.drl")).bytes();
        assertRefused(tar, MISSING_ENTRY);
    }

    @Test
    void rejectsPackageWithAnUnlistedFile() {
        assertRefused(fixture.headerAndPayload().file("payload/rules/extra.drl", new byte[10]).bytes(), EXTRA_ENTRY);
    }

    @Test
    void rejectsEntryOutsidePayload() {
        assertRefused(fixture.headerAndPayload().file("etc/cron.d/evil", new byte[10]).bytes(), EXTRA_ENTRY);
    }

    @Test
    void rejectsDuplicateEntry() {
        byte[] drl = fixture.payload.get("rules/healing.drl");
        assertRefused(fixture.headerAndPayload().file("payload/rules/healing.drl", drl).bytes(), DUPLICATE_ENTRY);
    }

    @Test
    void rejectsSecondManifestLaterInTheArchive() {
        assertRefused(fixture.headerAndPayload().file("manifest.json", fixture.manifestJson()).bytes(), DUPLICATE_ENTRY);
    }

    @Test
    void rejectsFileWhoseSizeDiffersFromTheManifest() {
        byte[] image = fixture.payload.get("images/vision.tar");
        byte[] tar = fixture.header().file("payload/images/vision.tar", Arrays.copyOf(image, image.length + 1)).bytes();
        assertRefused(tar, SIZE_MISMATCH);
    }

    @Test
    void rejectsFileWhoseHashDiffersFromTheManifest() {
        byte[] drl = fixture.payload.get("rules/healing.drl").clone();
        drl[3] ^= 0x20;
        byte[] tar = fixture.header().file("payload/images/vision.tar", fixture.payload.get("images/vision.tar"))
                .file("payload/migrations/changelog.sql", fixture.payload.get("migrations/changelog.sql"))
                .file("payload/rules/healing.drl", drl).bytes();
        assertRefused(tar, HASH_MISMATCH);
    }

    @Test
    void rejectsEntryWithDotDotInItsPath() {
        assertRefused(fixture.headerAndPayload().file("payload/../../etc/passwd", new byte[4]).bytes(), UNSAFE_PATH);
    }

    @Test
    void rejectsEntryWithAbsolutePath() {
        assertRefused(fixture.headerAndPayload().file("/etc/passwd", new byte[4]).bytes(), UNSAFE_PATH);
    }

    @Test
    void rejectsManifestListingAPathThatLeavesStaging() {
        fixture.payload.put("../outside", new byte[3]);
        fixture.manifest = PackageFixture.manifestFor(fixture.payload, PackageFixture.KEY);
        assertRefused(fixture.validPackage(), UNSAFE_PATH);
    }

    @Test
    void rejectsSymlinkEntry() {
        assertRefused(fixture.headerAndPayload().symlink("payload/rules/link.drl", "/etc/shadow").bytes(), SYMLINK);
    }

    @Test
    void rejectsSymlinkInPlaceOfTheManifest() {
        assertRefused(new TarBuilder().symlink("manifest.json", "/etc/passwd").bytes(), SYMLINK);
    }

    @Test
    void rejectsHardLinkEntry() {
        assertRefused(fixture.headerAndPayload().hardLink("payload/rules/link.drl", "payload/rules/healing.drl").bytes(), HARD_LINK);
    }

    @Test
    void rejectsCharacterDeviceEntry() {
        assertRefused(fixture.headerAndPayload().special("payload/null", TarConstants.LF_CHR, null).bytes(), SPECIAL_FILE);
    }

    @Test
    void rejectsBlockDeviceEntry() {
        assertRefused(fixture.headerAndPayload().special("payload/sda", TarConstants.LF_BLK, null).bytes(), SPECIAL_FILE);
    }

    @Test
    void rejectsFifoEntry() {
        assertRefused(fixture.headerAndPayload().special("payload/pipe", TarConstants.LF_FIFO, null).bytes(), SPECIAL_FILE);
    }

    @Test
    void rejectsMoreFilesThanTheLimit() {
        limits = new VerificationLimits(2, VerificationLimits.DEFAULT_MAX_PACKAGE_BYTES);
        assertRefused(fixture.validPackage(), TOO_MANY_FILES);
    }

    @Test
    void rejectsPackageWhosePayloadIsOverTheSizeLimit() {
        limits = new VerificationLimits(100, 50_000);
        assertRefused(fixture.validPackage(), PACKAGE_TOO_LARGE);
    }

    @Test
    void stopsReadingOnceTheArchivePassesTheSizeLimit() {
        limits = new VerificationLimits(100, fixture.manifest.payloadBytes() + 100);
        assertRefused(fixture.validPackage(), PACKAGE_TOO_LARGE);
    }

    @Test
    void rejectsOversizedPaxHeaderBeforeReadingIt() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry("manifest.json");
            e.addPaxHeader("comment", "x".repeat(2 * GuardedTarInputStream.MAX_METADATA_BYTES));
            e.setSize(0);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        }
        assertRefused(out.toByteArray(), MALFORMED_ARCHIVE);
    }

    @Test
    void rejectsTruncatedPackage() {
        byte[] valid = fixture.validPackage();
        assertRefused(Arrays.copyOf(valid, valid.length / 2), MALFORMED_ARCHIVE);
    }

    @Test
    void rejectsPackageWhoseArchiveHeaderIsCorrupt() {
        byte[] valid = fixture.validPackage();
        valid[100] ^= 0x7f; // inside the first header's mode field: its checksum no longer matches
        assertRefused(valid, MALFORMED_ARCHIVE);
    }

    @Test
    void rejectsSignedManifestWithUnknownComponentType() {
        byte[] json = new String(fixture.manifestJson(), StandardCharsets.UTF_8)
                .replace("\"type\" : \"rules\"", "\"type\" : \"firmware\"").getBytes(StandardCharsets.UTF_8);
        TarBuilder tar = new TarBuilder().file("manifest.json", json).file("manifest.sig", Ed25519Keys.sign(PackageFixture.KEY.getPrivate(), json));
        assertRefused(tar.bytes(), UNKNOWN_COMPONENT_TYPE);
    }

    private static Manifest with(Manifest m, String keyId) {
        return new Manifest(m.format(), m.version(), m.minVersion(), m.createdAt(), keyId, m.requiresReboot(),
                m.releaseNotes(), m.components(), m.files());
    }

    private static long padded(int length) {
        return (length + 511) / 512 * 512L;
    }

    private PackageVerifier verifier() {
        return new PackageVerifier(TrustedKeys.of(PackageFixture.KEY.getPublic()), limits);
    }

    private Path staging() {
        return temp.resolve("staging");
    }

    /** Refused both from a stream and from a file (which reads payload through the file channel). */
    private void assertRefused(byte[] archive, RefusalReason... expected) {
        PackageRefusedException refused = refusal(() -> verifier().verify(new ByteArrayInputStream(archive), staging()));
        assertThat(refused.reason()).isIn((Object[]) expected);
        assertThat(refused.sentence()).isNotBlank();
        assertThat(listing(staging())).as("staging after " + refused).isEmpty();
        assertThat(listing(temp)).containsExactly(staging());

        Path file = temp.getParent().resolve(temp.getFileName() + ".araupdate");
        try {
            Files.write(file, archive);
            PackageRefusedException fromFile = refusal(() -> verifier().verify(file, staging()));
            assertThat(fromFile.reason()).as("from a file").isEqualTo(refused.reason());
            assertThat(listing(staging())).as("staging after " + fromFile).isEmpty();
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Verification {
        void run() throws Exception;
    }

    static PackageRefusedException refusal(Verification v) {
        PackageRefusedException e = catchThrowableOfType(PackageRefusedException.class, v::run);
        assertThat(e).as("refusal").isNotNull();
        return e;
    }

    static List<Path> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

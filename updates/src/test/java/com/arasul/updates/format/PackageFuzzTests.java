package com.arasul.updates.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * A valid package, truncated or with bits flipped: the verifier either refuses it cleanly (and
 * leaves staging empty) or, when the damage lies where nothing is read (padding, the trailer),
 * accepts it with exactly the original files. Nothing else: no other exception, no file outside staging.
 */
class PackageFuzzTests {

    private static final PackageFixture FIXTURE = new PackageFixture();
    private static final byte[] VALID = withPaxHeaders();
    private static final int HEADER_ZONE = 4096;

    @Property(tries = 250)
    void bitFlipsAreRefusedCleanlyOrDoNotMatter(@ForAll("flips") List<Tuple2<Integer, Integer>> flips) throws IOException {
        byte[] damaged = VALID.clone();
        flips.forEach(f -> damaged[f.get1()] ^= (byte) (1 << f.get2()));
        check(damaged);
    }

    @Property(tries = 150)
    void truncationsAreRefusedCleanly(@ForAll("lengths") int length) throws IOException {
        check(java.util.Arrays.copyOf(VALID, length));
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Integer>>> flips() {
        // Headers and the manifest are the interesting part, so half the flips land in the first 4 KiB.
        Arbitrary<Integer> position = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, HEADER_ZONE - 1)),
                Tuple.of(1, Arbitraries.integers().between(0, VALID.length - 1)));
        return Combinators.flip(position).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, HEADER_ZONE)),
                Tuple.of(1, Arbitraries.integers().between(0, VALID.length - 1)));
    }

    private static void check(byte[] archive) throws IOException {
        Path file = Files.createTempFile("araupdate-fuzz-", ".araupdate");
        try {
            Files.write(file, archive);
            check(v -> v.verify(new ByteArrayInputStream(archive), v.staging));
            check(v -> v.verify(file, v.staging));
        } finally {
            Files.delete(file);
        }
    }

    private interface Attempt {
        VerifiedPackage run(Target t) throws PackageRefusedException, IOException;
    }

    private record Target(PackageVerifier verifier, Path staging) {
        VerifiedPackage verify(java.io.InputStream in, Path staging) throws PackageRefusedException, IOException {
            return verifier.verify(in, staging);
        }

        VerifiedPackage verify(Path archive, Path staging) throws PackageRefusedException, IOException {
            return verifier.verify(archive, staging);
        }
    }

    private static void check(Attempt attempt) throws IOException {
        Path root = Files.createTempDirectory("araupdate-fuzz-");
        Path staging = root.resolve("staging");
        try {
            VerifiedPackage verified = attempt.run(new Target(
                    new PackageVerifier(TrustedKeys.of(PackageFixture.KEY.getPublic()), VerificationLimits.defaults()), staging));
            assertThat(verified.manifest()).isEqualTo(FIXTURE.manifest);
            for (Map.Entry<String, byte[]> file : FIXTURE.payload.entrySet()) {
                assertThat(verified.stagedFile(file.getKey())).hasBinaryContent(file.getValue());
            }
            assertThat(tree(staging)).hasSize(FIXTURE.payload.size() + 3); // files and their three folders
        } catch (PackageRefusedException refused) {
            assertThat(refused.sentence()).isNotBlank();
            assertThat(tree(staging)).as("staging after " + refused).isEmpty();
        } catch (RuntimeException | IOException | AssertionError e) {
            if (e instanceof AssertionError) throw e;
            fail("unexpected " + e, e);
        } finally {
            assertThat(tree(root)).as("nothing outside staging").allMatch(p -> p.startsWith(staging));
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static List<Path> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).toList();
        }
    }

    // Pax headers in the mix, so their parser is fuzzed too.
    private static byte[] withPaxHeaders() {
        TarBuilder tar = FIXTURE.header();
        FIXTURE.payload.forEach((path, bytes) -> tar.file("payload/" + path, bytes, e -> e.addPaxHeader("comment", "fuzz " + path)));
        return tar.bytes();
    }

    private static final class Combinators {
        static Arbitrary<Tuple2<Integer, Integer>> flip(Arbitrary<Integer> position) {
            return net.jqwik.api.Combinators.combine(position, Arbitraries.integers().between(0, 7)).as(Tuple::of);
        }
    }
}

package com.arasul.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process all-MiniLM-L6-v2 for real: meaning is kept (a paraphrase is nearer than an unrelated
 * sentence), 384 dimensions of unit length, and loading it writes nothing outside the data folder:
 * not into the home folder (DJL's cache, ONNX Runtime's telemetry) and no natives anywhere else.
 */
class LocalEmbeddingsTests {

    @TempDir
    static Path dataFolder;
    @TempDir
    static Path home;

    static String realHome;
    static EmbeddingService embeddings;

    @BeforeAll
    static void loadOnce() {
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        embeddings = new EmbeddingService(new LocalEmbeddings(dataFolder.resolve("native")),
                new EmbeddingProperties("", "unused", 100, 8192));
    }

    @AfterAll
    static void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void paraphraseIsNearerThanAnUnrelatedSentence() {
        List<float[]> vectors = embeddings.embed(List.of("The cat sits on the mat.",
                "A cat is sitting on a rug.", "Quarterly tax returns are due in April."), null).embeddings();

        double paraphrase = dot(vectors.get(0), vectors.get(1));
        double unrelated = dot(vectors.get(0), vectors.get(2));

        assertThat(paraphrase).isGreaterThan(unrelated + 0.3);
    }

    @Test
    void vectorsHave384DimensionsOfUnitLength() {
        EmbeddingService.Result result = embeddings.embed(List.of("hello world"), null);

        assertThat(result.dimensions()).isEqualTo(384);
        assertThat(result.provider()).isEqualTo("local");
        assertThat(result.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(Math.sqrt(dot(result.embeddings().getFirst(), result.embeddings().getFirst()))).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void loadingWritesNothingOutsideTheDataFolderAndStaysOffline() throws IOException {
        embeddings.embed(List.of("load it"), null);

        try (Stream<Path> inHome = Files.walk(home)) {
            assertThat(inHome.filter(path -> !path.equals(home)).toList()).as("files in the home folder").isEmpty();
        }
        try (Stream<Path> natives = Files.walk(dataFolder)) {
            assertThat(natives.map(path -> path.getFileName().toString()))
                    .contains("libonnxruntime.so", "libonnxruntime4j_jni.so");
        }
        assertThat(System.getProperty("onnxruntime.native.path")).startsWith(dataFolder.toString());
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat(System.getProperty("DJL_CACHE_DIR")).startsWith(dataFolder.toString());
    }

    @Test
    void otherModelNamesAreNotFoundNamingTheOneThereIs() {
        try {
            embeddings.embed(List.of("x"), "nomic-embed-text");
            throw new AssertionError("expected a failure");
        } catch (LlmFailure failure) {
            assertThat(failure.status().value()).isEqualTo(404);
            assertThat(failure.getMessage()).contains("'nomic-embed-text'").contains("all-minilm-l6-v2-q");
        }
    }

    @Test
    void tooManyTextsAreRefusedNamingTheLimit() {
        try {
            embeddings.embed(java.util.Collections.nCopies(101, "x"), null);
            throw new AssertionError("expected a failure");
        } catch (LlmFailure failure) {
            assertThat(failure.status().value()).isEqualTo(400);
            assertThat(failure.getMessage()).contains("at most 100");
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}

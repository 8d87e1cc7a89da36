package com.arasul.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the local model in a fresh JVM with an empty HOME (so native code that reads {@code $HOME},
 * as ONNX Runtime's telemetry does, is caught too): nothing appears in HOME, the natives are in the
 * data folder, and nothing asks to connect anywhere.
 */
class LocalEmbeddingsIsolationTests {

    @TempDir
    Path home;
    @TempDir
    Path data;
    @TempDir
    Path temp;

    @Test
    void freshJvmLoadsTheModelWritingOnlyIntoTheDataFolderAndConnectingNowhere() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Duser.home=" + home, "-Djava.io.tmpdir=" + temp,
                "-cp", System.getProperty("java.class.path"), LocalEmbeddingsProbe.class.getName(),
                data.resolve("native").toString()).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TMPDIR", temp.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("dimensions=384").doesNotContain("connect=");
        assertThat(files(home)).as("files written into HOME").isEmpty();
        assertThat(files(data)).anyMatch(path -> path.endsWith("libonnxruntime.so"))
                .anyMatch(path -> path.toString().contains("tokenizers"));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}

package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ArasulApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real appliance as its own process with a bad value, as an operator would. */
class BadConfigurationStartTests {

    @Test
    void stopsTheStartWithOneLineNamingThePropertyAndWhatIsWrong(@TempDir Path dataDir) throws Exception {
        Path output = dataDir.resolve("console.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ArasulApplication.class.getName(),
                "--arasul.data-dir=" + dataDir, "--server.port=0", "--arasul.db.max-pool-size=0")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the appliance stops by itself").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).isNotZero();
        List<String> lines = lines(output);
        assertThat(lines).filteredOn(l -> l.contains("ERROR")).singleElement().asString()
                .endsWith("Invalid configuration: arasul.db.max-pool-size = 0: must be greater than or equal to 1");
        assertThat(lines).noneMatch(l -> l.contains("APPLICATION FAILED TO START"))
                .noneMatch(l -> l.startsWith("\tat "));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }
}

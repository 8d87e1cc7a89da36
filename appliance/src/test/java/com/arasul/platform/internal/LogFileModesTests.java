package com.arasul.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.platform.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileModesTests {

    @TempDir
    Path root;

    @Test
    void theLogAndItsRolledFilesAreNotReadableByOtherUsers() throws Exception {
        DataDirectory data = new DataDirectory(root);
        Files.createDirectories(data.logs());
        Path log = Files.writeString(data.logs().resolve("arasul.log"), "a line\n");
        Path rolled = Files.writeString(data.logs().resolve("arasul.log.2026-01-01.0.gz"), "old");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(rolled, PosixFilePermissions.fromString("rw-r--r--"));

        new LogFileModes(data).afterPropertiesSet();

        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.getPosixFilePermissions(rolled)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Files.getPosixFilePermissions(data.logs())).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
    }
}

package com.arasul.platform.internal;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The appliance's log names services, addresses and accounts: it is {@code 0640} in a {@code 0750}
 * folder, not readable by every local user. Logback creates files with the process's umask (a new
 * one at each roll-over), so the modes are set at start and looked at again every minute.
 */
@Component
class LogFileModes implements InitializingBean {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");

    private static final Logger log = LoggerFactory.getLogger(LogFileModes.class);

    private final Path logs;

    LogFileModes(DataDirectory dataDirectory) {
        this.logs = dataDirectory.logs();
    }

    @Override
    public void afterPropertiesSet() {
        restrict();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void restrict() {
        if (!Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs)) {
            Files.setPosixFilePermissions(logs, FOLDER);
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && !FILE.equals(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Cannot restrict the modes of the log files in {}: {}", logs, e.getMessage());
        }
    }
}

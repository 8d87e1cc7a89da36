package com.arasul.updates;

import com.arasul.containers.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * The {@link UpdateTestImages} for one test class, as packages carry them: built before its first test,
 * the versions asked for saved as {@code docker save} tars, and every container and image named
 * {@link UpdateTestImages#PREFIX} removed after its last test. Register it as a static
 * {@code @RegisterExtension} field.
 */
final class SavedUpdateImages implements BeforeAllCallback, AfterAllCallback {

    private final List<String> versions;
    private final Map<String, Path> tars = new ConcurrentHashMap<>();
    private Path dir;

    SavedUpdateImages(String... versions) {
        this.versions = List.of(versions);
    }

    /** The tar of one of the versions this class asked for. */
    Path tar(String version) {
        Path tar = tars.get(version);
        if (tar == null) {
            throw new IllegalArgumentException(version + " was not saved; saved: " + versions);
        }
        return tar;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        UpdateTestImages.build();
        dir = Files.createTempDirectory("uig-a-images-");
        versions.forEach(version -> tars.put(version, UpdateTestImages.save(version, dir)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        DockerCli.removeEverythingNamed(UpdateTestImages.PREFIX);
        if (dir != null) {
            FileSystemUtils.deleteRecursively(dir);
        }
    }
}

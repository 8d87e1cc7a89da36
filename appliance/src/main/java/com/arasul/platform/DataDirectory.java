package com.arasul.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The appliance's data folder and the well-known places below it. Secrets go through
 * {@link #writeSecret(Path, byte[])} so that they are never readable by other users.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        createDirectories(this.root);
        createDirectories(config());
    }

    public Path root() {
        return root;
    }

    /** Keys, generated passwords and other secrets; owner-only. */
    public Path config() {
        return root.resolve("config");
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** A folder below the data folder, created when missing. */
    public Path folder(String name) {
        Path folder = root.resolve(name).normalize();
        if (!folder.startsWith(root)) {
            throw new IllegalArgumentException("not below the data folder: " + name);
        }
        createDirectories(folder);
        return folder;
    }

    /** Writes a secret atomically with mode 0600, so a half-written key can never be read. */
    public static void writeSecret(Path file, byte[] content) {
        try {
            createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.write(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (dir.getFileName() != null && dir.getFileName().toString().equals("config")) {
                    Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

package com.arasul.updates.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The caller's staging folder: starts empty, and is emptied again if the package is refused. */
final class Staging {

    private final Path root;

    private Staging(Path root) {
        this.root = root;
    }

    static Staging open(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (entries.iterator().hasNext()) {
                throw new IllegalArgumentException("the staging folder " + folder + " is not empty");
            }
        }
        return new Staging(folder.toAbsolutePath().normalize());
    }

    Path root() {
        return root;
    }

    /** Where a manifest path goes; the path was checked by {@link PayloadPaths}, this check is a second floor. */
    Path prepare(String payloadPath) throws IOException {
        Path target = root.resolve(payloadPath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalStateException("payload path escapes staging: " + payloadPath);
        }
        Files.createDirectories(target.getParent());
        return target;
    }

    /** Deletes everything below the root (never following links), leaving the root itself. */
    void clear() {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    if (!dir.equals(root)) Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty the staging folder " + root, e);
        }
    }
}

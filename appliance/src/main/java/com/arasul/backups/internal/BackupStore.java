package com.arasul.backups.internal;

import com.arasul.storage.ObjectStorage;
import com.arasul.storage.StorageBuckets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where finished archives live: the {@code backups} bucket while the object storage is configured and
 * up, otherwise the data folder's {@code backups/}. Both are listed, so an archive written locally
 * during an outage is still found.
 */
final class BackupStore {

    static final Pattern NAME = Pattern.compile("arasul-backup-(\\d{8}T\\d{6}Z)\\.tar");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    record Stored(String name, long size, Instant createdAt, String location) {
    }

    private final Path folder;
    private final ObjectStorage storage;

    BackupStore(Path folder, ObjectStorage storage) {
        this.folder = folder;
        this.storage = storage;
    }

    /** The data folder's {@code backups/} only: {@code scripts/arasul backup}, with the appliance stopped. */
    static BackupStore local(Path folder) {
        return new BackupStore(folder, null);
    }

    Path folder() {
        return folder;
    }

    static String nameFor(Instant at) {
        return "arasul-backup-" + STAMP.format(at) + ".tar";
    }

    static Instant createdAt(String name) {
        var m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a backup name: " + name);
        }
        return STAMP.parse(m.group(1), Instant::from);
    }

    boolean remote() {
        return storage != null && storage.configured() && storage.health().up();
    }

    /** Moves a verified archive to its place; returns where it went. */
    String keep(Path verified, String name) throws IOException {
        if (remote()) {
            storage.put(StorageBuckets.BACKUPS, name, verified, "application/x-tar");
            Files.delete(verified);
            return "bucket " + StorageBuckets.BACKUPS;
        }
        Files.move(verified, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return folder.toString();
    }

    List<Stored> list() {
        List<Stored> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
                String name = f.getFileName().toString();
                all.add(new Stored(name, Files.size(f), createdAt(name), folder.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (remote()) {
            for (var object : storage.list(StorageBuckets.BACKUPS, "arasul-backup-")) {
                if (NAME.matcher(object.key()).matches()) {
                    all.add(new Stored(object.key(), object.size(), createdAt(object.key()), "bucket " + StorageBuckets.BACKUPS));
                }
            }
        }
        all.sort(Comparator.comparing(Stored::createdAt).reversed());
        return all;
    }

    Optional<Stored> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    InputStream open(Stored stored) throws IOException {
        if (stored.location().startsWith("bucket ")) {
            return storage.get(StorageBuckets.BACKUPS, stored.name());
        }
        return Files.newInputStream(folder.resolve(stored.name()));
    }

    void delete(Stored stored) throws IOException {
        if (stored.location().startsWith("bucket ")) {
            storage.remove(StorageBuckets.BACKUPS, stored.name());
        } else {
            Files.deleteIfExists(folder.resolve(stored.name()));
        }
    }
}

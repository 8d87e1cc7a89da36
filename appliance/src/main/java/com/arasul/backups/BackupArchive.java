package com.arasul.backups;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A backup archive: a tar of files with a manifest of their SHA-256 sums as its last entry
 * ({@code MANIFEST.sha256}, in {@code sha256sum}'s format, so it can be checked by hand after
 * unpacking). Everything is streamed: no file is ever held in memory, whatever its size.
 */
public final class BackupArchive {

    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String DATABASE = "database.dump";
    public static final String VERSION = "installed-version.txt";
    public static final String RULES = "rules/";
    public static final String KEYS = "update-keys/";

    private BackupArchive() {
    }

    /** One thing to put in: a file, or a folder whose files go below {@code name}. */
    public record Part(String name, Path source) {
    }

    /** Writes the archive and returns the sums it recorded. */
    public static Map<String, String> write(Path target, List<Part> parts) {
        Map<String, String> sums = new TreeMap<>();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Part part : parts) {
                if (Files.isDirectory(part.source())) {
                    try (Stream<Path> files = Files.walk(part.source())) {
                        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                            add(tar, part.name() + part.source().relativize(f).toString().replace('\\', '/'), f, sums);
                        }
                    }
                } else if (Files.isRegularFile(part.source())) {
                    add(tar, part.name(), part.source(), sums);
                }
            }
            byte[] manifest = manifest(sums).getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(MANIFEST);
            entry.setSize(manifest.length);
            tar.putArchiveEntry(entry);
            tar.write(manifest);
            tar.closeArchiveEntry();
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /**
     * Reads the archive through, checks every entry against the manifest and, when {@code into} is
     * given, unpacks it there.
     *
     * @throws IllegalStateException saying which entry does not match
     */
    public static Map<String, String> verify(Path archive, Path into) {
        Map<String, String> actual = new TreeMap<>();
        String manifest = null;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(file)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                    continue;
                }
                DigestInputStream digest = new DigestInputStream(tar, sha256());
                if (into != null) {
                    Path out = into.resolve(entry.getName()).normalize();
                    if (!out.startsWith(into)) {
                        throw new IllegalStateException("the archive names a file outside its folder: " + entry.getName());
                    }
                    Files.createDirectories(out.getParent());
                    Files.copy(digest, out);
                } else {
                    digest.transferTo(OutputStream.nullOutputStream());
                }
                actual.put(entry.getName(), HexFormat.of().formatHex(digest.getMessageDigest().digest()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the archive cannot be read: " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new IllegalStateException("the archive has no " + MANIFEST + ", so it cannot be checked");
        }
        Map<String, String> expected = parse(manifest);
        for (var e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                throw new IllegalStateException("the sum of " + e.getKey() + " does not match its manifest: the archive is damaged");
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                throw new IllegalStateException(name + " is in the archive but not in its manifest");
            }
        }
        return actual;
    }

    private static void add(TarArchiveOutputStream tar, String name, Path source, Map<String, String> sums) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(source.toFile(), name);
        tar.putArchiveEntry(entry);
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(source), sha256())) {
            in.transferTo(tar);
            sums.put(name, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        }
        tar.closeArchiveEntry();
    }

    private static String manifest(Map<String, String> sums) {
        StringBuilder text = new StringBuilder();
        sums.forEach((name, sum) -> text.append(sum).append("  ").append(name).append('\n'));
        return text.toString();
    }

    private static Map<String, String> parse(String manifest) {
        Map<String, String> sums = new TreeMap<>();
        for (String line : manifest.split("\n")) {
            if (!line.isBlank()) {
                int gap = line.indexOf("  ");
                sums.put(line.substring(gap + 2), line.substring(0, gap));
            }
        }
        return sums;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

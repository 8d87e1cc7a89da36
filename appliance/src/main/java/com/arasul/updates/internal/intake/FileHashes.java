package com.arasul.updates.internal.intake;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 of files on sticks, remembered by path, size and modification time, so that a package
 * is read once for its hash however often the roots are rescanned. Keeps the last 256 files.
 */
final class FileHashes {

    private static final int REMEMBERED = 256;

    private record Key(String path, long size, long modified) {
    }

    private final Map<Key, String> hashes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    String sha256(File file) {
        Key key = new Key(file.getAbsolutePath(), file.length(), file.lastModified());
        synchronized (hashes) {
            String known = hashes.get(key);
            if (known != null) {
                return known;
            }
        }
        String hash = hash(file);
        synchronized (hashes) {
            hashes.put(key, hash);
        }
        return hash;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(File file) {
        MessageDigest sha256 = newSha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file.toPath())) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}

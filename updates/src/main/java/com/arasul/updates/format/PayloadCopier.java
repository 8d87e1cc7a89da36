package com.arasul.updates.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies one entry into staging while hashing it, through one fixed buffer. */
final class PayloadCopier {

    static final int BUFFER_BYTES = 1024 * 1024;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final MessageDigest sha256 = newSha256();

    /** @return the hex SHA-256 of exactly {@code size} bytes copied to {@code target} */
    String copy(TarReader tar, long size, Path target) throws PackageRefusedException, IOException {
        sha256.reset();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long remaining = size;
            while (remaining > 0) {
                int n = tar.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) throw TarReader.truncated();
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

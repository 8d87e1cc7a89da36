package com.arasul.updates.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies one entry into staging while hashing it, through one fixed buffer (heap or direct, 1 MiB). */
final class PayloadCopier {

    static final int BUFFER_BYTES = 1024 * 1024;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final MessageDigest sha256 = newSha256();
    private ByteBuffer direct;

    /** @return the hex SHA-256 of exactly {@code size} bytes copied to {@code target} */
    String copy(TarReader tar, long size, Path target) throws PackageRefusedException, IOException {
        sha256.reset();
        FileChannel source = tar.dataChannel();
        if (source != null) {
            copyFromChannel(source, size, target);
        } else {
            copyFromStream(tar, size, target);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    // Direct buffer in, direct buffer out: the bytes are copied by the kernel only, once each way.
    private void copyFromChannel(FileChannel source, long size, Path target) throws PackageRefusedException, IOException {
        if (direct == null) direct = ByteBuffer.allocateDirect(BUFFER_BYTES);
        long position = source.position();
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long remaining = size;
            while (remaining > 0) {
                direct.clear().limit((int) Math.min(direct.capacity(), remaining));
                int n = source.read(direct, position);
                if (n < 0) throw TarReader.truncated();
                direct.flip();
                sha256.update(direct);
                direct.rewind();
                while (direct.hasRemaining()) out.write(direct);
                position += n;
                remaining -= n;
            }
        }
    }

    private void copyFromStream(TarReader tar, long size, Path target) throws PackageRefusedException, IOException {
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

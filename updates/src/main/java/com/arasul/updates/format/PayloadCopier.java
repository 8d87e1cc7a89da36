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

/** Copies entries into staging while hashing them, through fixed buffers (one heap or two direct, 1 MiB each). */
final class PayloadCopier implements AutoCloseable {

    static final int BUFFER_BYTES = 1024 * 1024;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final MessageDigest sha256 = newSha256();
    private ByteBuffer[] direct;
    private OverlappedWriter writer;

    /** @return the hex SHA-256 of exactly {@code size} bytes copied to {@code target} */
    String copy(TarReader tar, long size, Path target) throws PackageRefusedException, IOException {
        sha256.reset();
        FileChannel source = tar.dataChannel();
        if (source != null) {
            copyFromChannel(source, size, target);
            tar.consumedDirectly(size, buffer);
        } else {
            copyFromStream(tar, size, target);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    // Direct buffers in and out, so the kernel copies each byte once each way; two of them, so
    // one is written to staging while the next is read and hashed.
    private void copyFromChannel(FileChannel source, long size, Path target) throws PackageRefusedException, IOException {
        if (direct == null) {
            direct = new ByteBuffer[] {ByteBuffer.allocateDirect(BUFFER_BYTES), ByteBuffer.allocateDirect(BUFFER_BYTES)};
            writer = new OverlappedWriter();
        }
        long position = source.position();
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            boolean written = false;
            try {
                long remaining = size;
                for (int turn = 0; remaining > 0; turn ^= 1) {
                    ByteBuffer buf = direct[turn];
                    buf.clear().limit((int) Math.min(buf.capacity(), remaining));
                    int n = source.read(buf, position);
                    if (n < 0) throw TarReader.truncated();
                    buf.flip();
                    sha256.update(buf);
                    buf.rewind();
                    writer.write(out, buf);
                    position += n;
                    remaining -= n;
                }
                writer.await();
                written = true;
            } finally {
                // Never leave a write running into a file that is about to be closed and deleted.
                if (!written) awaitQuietly();
            }
        }
    }

    private void awaitQuietly() {
        try {
            writer.await();
        } catch (IOException ignored) {
            // the first failure is the one being thrown
        }
    }

    @Override
    public void close() {
        if (writer != null) writer.close();
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

package com.arasul.updates.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The archive as the verifier sees it: every way reading can fail because of the package's bytes
 * (truncation, corrupt headers, limits) becomes a {@link PackageRefusedException}.
 */
final class TarReader {

    private final LimitedInputStream counted;
    private final TarArchiveInputStream tar;
    private final FileChannel channel;

    TarReader(InputStream in, long maxBytes) {
        this(in, maxBytes, null);
    }

    /** Over a file: entry data can then be read from the channel directly, see {@link #dataChannel}. */
    TarReader(FileChannel file, long maxBytes) {
        this(Channels.newInputStream(file), maxBytes, file);
    }

    private TarReader(InputStream in, long maxBytes, FileChannel channel) {
        this.counted = new LimitedInputStream(in, maxBytes);
        this.tar = new GuardedTarInputStream(counted);
        this.channel = channel;
    }

    /**
     * The file the archive is read from, positioned at the current entry's data, or null when
     * reading from a plain stream. Reading an entry's data from here with positional reads (which
     * leave the position alone) saves two copies per byte; the tar reader then skips the data
     * itself. Null also if the position does not match what the tar reader consumed, which would
     * mean it reads ahead.
     */
    FileChannel dataChannel() throws IOException {
        return channel != null && channel.position() == counted.count() ? channel : null;
    }

    TarArchiveEntry next() throws PackageRefusedException {
        try {
            return tar.getNextEntry();
        } catch (IOException | RuntimeException e) {
            throw refusal(e);
        }
    }

    /** Reads up to len bytes of the current entry; -1 at its end. */
    int read(byte[] buffer, int off, int len) throws PackageRefusedException {
        try {
            return tar.read(buffer, off, len);
        } catch (IOException | RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * The current entry's {@code size} bytes were read from {@link #dataChannel} with positional
     * reads: move past them without reading them again. (Left to itself the tar reader would skip
     * an entry by reading it through a small buffer.)
     */
    void consumedDirectly(long size, byte[] scratch) throws PackageRefusedException, IOException {
        channel.position(channel.position() + size);
        counted.alreadyConsumed(size);
        while (read(scratch, 0, scratch.length) >= 0) {
            // each read only counts; it ends at the entry's end
        }
    }

    byte[] readAll(int size) throws PackageRefusedException {
        byte[] bytes = new byte[size];
        int done = 0;
        while (done < size) {
            int n = read(bytes, done, size - done);
            if (n < 0) throw truncated();
            done += n;
        }
        return bytes;
    }

    long bytesRead() {
        return counted.count();
    }

    static PackageRefusedException truncated() {
        return new PackageRefusedException(RefusalReason.MALFORMED_ARCHIVE, "The package is truncated.");
    }

    private static PackageRefusedException refusal(Exception e) {
        PackageRefusedException carried = RefusalSignal.find(e);
        if (carried != null) return carried;
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new PackageRefusedException(RefusalReason.MALFORMED_ARCHIVE,
                "The package is truncated or its archive is corrupt (" + EntryRules.shown(detail) + ").");
    }
}

package com.arasul.updates.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what is read and refuses the package the moment it passes its size limit. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private long consumedElsewhere;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    /**
     * The next {@code n} bytes were already read by other means (positional reads of the file):
     * reads of them now only count them, touching neither the source nor the caller's buffer.
     */
    void alreadyConsumed(long n) {
        consumedElsewhere += n;
    }

    @Override
    public int read() throws IOException {
        if (consumedElsewhere > 0) throw new IllegalStateException("single-byte read while skipping consumed data");
        int b = in.read();
        if (b >= 0) advance(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (consumedElsewhere > 0) {
            int n = (int) Math.min(len, consumedElsewhere);
            consumedElsewhere -= n;
            advance(n);
            return n;
        }
        int n = in.read(b, off, len);
        if (n > 0) advance(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (consumedElsewhere > 0) throw new IllegalStateException("skip while skipping consumed data");
        long skipped = in.skip(n);
        if (skipped > 0) advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) throws RefusalSignal {
        count += n;
        if (count > limit) {
            throw new RefusalSignal(RefusalReason.PACKAGE_TOO_LARGE,
                    "The package is larger than the limit of " + limit + " bytes.");
        }
    }
}

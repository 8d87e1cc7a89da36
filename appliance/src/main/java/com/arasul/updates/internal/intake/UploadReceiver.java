package com.arasul.updates.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Streams an uploaded package into the incoming folder in fixed-size chunks, hashing it on the
 * way: the one and only copy, straight from the request. It gives up at the size limit and when
 * the free disk would fall below the reserve; the upload is never held in memory.
 */
final class UploadReceiver {

    private static final int CHUNK = 1 << 20;
    /** How often (in bytes written) the free disk is looked at again while an upload of unknown size streams in. */
    private static final long FREE_CHECK_EVERY = 64L << 20;

    private final Path incoming;
    private final long maxBytes;
    private final long reserveBytes;
    private final FreeDisk freeDisk;

    UploadReceiver(Path incoming, long maxBytes, long reserveBytes, FreeDisk freeDisk) {
        this.incoming = incoming;
        this.maxBytes = maxBytes;
        this.reserveBytes = reserveBytes;
        this.freeDisk = freeDisk;
    }

    /**
     * Refuses an upload of {@code expectedBytes} (negative: not known) before anything is written,
     * when it is over the limit or would leave less free disk than the reserve.
     */
    void admit(long expectedBytes) {
        if (expectedBytes > maxBytes) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "the package is larger than the limit of " + maxBytes + " bytes");
        }
        long free = freeDisk.usableBytes(incoming);
        if (free < Math.max(expectedBytes, 0) + reserveBytes) {
            throw new ResponseStatusException(HttpStatus.INSUFFICIENT_STORAGE, "the appliance has "
                    + free / (1 << 20) + " MB free; this upload needs " + Math.max(expectedBytes, 0) / (1 << 20)
                    + " MB and " + reserveBytes / (1 << 20) + " MB must stay free; free some space and try again");
        }
    }

    /** @throws ResponseStatusException 413 over the limit, 507 when the disk fills up (nothing is kept) */
    IncomingPackage receive(InputStream upload, String fileName) throws IOException {
        Path target = incoming.resolve(UUID.randomUUID() + StickLayout.SUFFIX);
        MessageDigest sha256 = FileHashes.newSha256();
        long size = 0;
        long nextFreeCheck = FREE_CHECK_EVERY;
        boolean complete = false;
        try (InputStream in = upload;
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                            "the package is larger than the limit of " + maxBytes + " bytes");
                }
                if (size >= nextFreeCheck) {
                    admit(0);
                    nextFreeCheck = size + FREE_CHECK_EVERY;
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(target);
            }
        }
        return new IncomingPackage(target, fileName, size, HexFormat.of().formatHex(sha256.digest()), PackageSource.UPLOAD, null);
    }
}

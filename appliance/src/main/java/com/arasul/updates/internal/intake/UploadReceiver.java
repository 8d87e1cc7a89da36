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
 * way, and gives up at the size limit; the upload is never held in memory.
 */
final class UploadReceiver {

    private static final int CHUNK = 1 << 20;

    private final Path incoming;
    private final long maxBytes;

    UploadReceiver(Path incoming, long maxBytes) {
        this.incoming = incoming;
        this.maxBytes = maxBytes;
    }

    /** @throws ResponseStatusException 413 when the upload is larger than the limit (nothing is kept) */
    IncomingPackage receive(InputStream upload, String fileName) throws IOException {
        Path target = incoming.resolve(UUID.randomUUID() + StickLayout.SUFFIX);
        MessageDigest sha256 = FileHashes.newSha256();
        long size = 0;
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

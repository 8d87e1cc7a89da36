package com.arasul.updates.format;

import java.nio.file.Path;

/**
 * A package whose signature, manifest and every payload file checked out; the files now lie in
 * staging under their manifest paths.
 *
 * @param manifest       the signed manifest
 * @param manifestSha256 hex SHA-256 of the signed manifest bytes; since the manifest lists every
 *                       payload file's hash, this identifies the package's content
 * @param staging        the folder the payload was staged in
 * @param archiveBytes   how many bytes of the archive were read
 */
public record VerifiedPackage(Manifest manifest, String manifestSha256, Path staging, long archiveBytes) {

    /** Where a payload file (by its manifest path) was staged. */
    public Path stagedFile(String path) {
        if (manifest.file(path).isEmpty()) throw new IllegalArgumentException("not in the manifest: " + path);
        return staging.resolve(path);
    }
}

package com.arasul.updates.internal.intake;

import java.nio.file.Path;

/**
 * A package file that reached the box and is about to be checked.
 *
 * @param file where it lies: in the incoming folder (upload) or on the stick (USB)
 * @param sha256 hex SHA-256 of the whole file
 * @param stick for USB, the stick's folder; {@code null} for uploads
 */
record IncomingPackage(Path file, String fileName, long size, String sha256, PackageSource source, Path stick) {
}

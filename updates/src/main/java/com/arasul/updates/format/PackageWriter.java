package com.arasul.updates.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Builds a signed package: hashes every input, writes and signs the manifest, then writes the
 * archive in the order the format demands. Inputs are hashed again while they are archived, so a
 * file that changes in between fails the build instead of producing a package that cannot verify.
 */
public final class PackageWriter {

    private final PrivateKey key;
    private final String keyId;

    public PackageWriter(PrivateKey key) {
        this.key = key;
        this.keyId = Ed25519Keys.keyId(Ed25519Keys.publicKeyOf(key));
    }

    public String keyId() {
        return keyId;
    }

    /** Writes the package to {@code out} (via a temporary sibling file) and returns its manifest. */
    public Manifest write(PackageInputs inputs, Path out, boolean replace) throws IOException {
        if (!replace && Files.exists(out)) throw new FileAlreadyExistsException(out.toString());
        PayloadLayout layout = PayloadLayout.of(inputs);
        List<PayloadFile> files = new ArrayList<>();
        for (Map.Entry<String, Path> source : layout.sources().entrySet()) {
            files.add(new PayloadFile(source.getKey(), Files.size(source.getValue()), hash(source.getValue(), null)));
        }
        Manifest manifest = new Manifest(Manifest.FORMAT, inputs.version(), inputs.minVersion(), inputs.createdAt(),
                keyId, inputs.requiresReboot(), inputs.releaseNotes(), layout.components(), files);
        byte[] json = ManifestCodec.write(manifest);
        byte[] signature = Ed25519Keys.sign(key, json);

        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(part))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                tar.setAddPaxHeadersForNonAsciiNames(true);
                writeBytes(tar, PackageVerifier.MANIFEST, json, inputs);
                writeBytes(tar, PackageVerifier.SIGNATURE, signature, inputs);
                for (PayloadFile f : files) {
                    tar.putArchiveEntry(entry(f.entryName(), f.size(), inputs));
                    if (!hash(layout.sources().get(f.path()), tar).equals(f.sha256())) {
                        throw new IOException(layout.sources().get(f.path()) + " changed while the package was being written");
                    }
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            Files.move(part, out, replace
                    ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE}
                    : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE});
        } finally {
            Files.deleteIfExists(part);
        }
        return manifest;
    }

    private static void writeBytes(TarArchiveOutputStream tar, String name, byte[] bytes, PackageInputs inputs) throws IOException {
        tar.putArchiveEntry(entry(name, bytes.length, inputs));
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size, PackageInputs inputs) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0100644);
        e.setModTime(inputs.createdAt().toEpochMilli());
        e.setIds(0, 0);
        e.setNames("root", "root");
        return e;
    }

    /** Hex SHA-256 of a file, copying it to {@code copyTo} on the way if that is not null. */
    private static String hash(Path file, OutputStream copyTo) throws IOException {
        MessageDigest sha256 = PayloadCopier.newSha256();
        byte[] buffer = new byte[PayloadCopier.BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                if (copyTo != null) copyTo.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}

package com.arasul.updates.format;

import static com.arasul.updates.format.RefusalReason.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a package in one pass over its archive: manifest and signature first, then each payload
 * file hashed while it is written to staging. A refusal empties staging again. Memory stays fixed
 * (one copy buffer, the manifest of at most 1 MiB); limits are enforced while reading.
 */
public final class PackageVerifier {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    private final TrustedKeys keys;
    private final VerificationLimits limits;

    public PackageVerifier(TrustedKeys keys, VerificationLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    public VerifiedPackage verify(Path archive, Path staging) throws PackageRefusedException, IOException {
        try (FileChannel file = FileChannel.open(archive, StandardOpenOption.READ)) {
            return verify(new TarReader(file, limits.maxPackageBytes()), staging);
        }
    }

    /**
     * @param staging an empty or absent folder; holds the payload on success, is empty after a refusal
     * @throws PackageRefusedException the package is not acceptable, with the reason
     * @throws IOException             staging could not be written (the package's fault is never an IOException)
     */
    public VerifiedPackage verify(InputStream in, Path staging) throws PackageRefusedException, IOException {
        return verify(new TarReader(in, limits.maxPackageBytes()), staging);
    }

    private VerifiedPackage verify(TarReader tar, Path staging) throws PackageRefusedException, IOException {
        Staging area = Staging.open(staging);
        boolean verified = false;
        try {
            VerifiedPackage result = read(tar, area);
            verified = true;
            return result;
        } finally {
            if (!verified) area.clear();
        }
    }

    private VerifiedPackage read(TarReader tar, Staging area) throws PackageRefusedException, IOException {
        TarArchiveEntry first = tar.next();
        if (first == null) throw new PackageRefusedException(MANIFEST_NOT_FIRST, "The package is empty.");
        EntryRules.requirePlainFile(first);
        if (!first.getName().equals(MANIFEST)) {
            throw new PackageRefusedException(MANIFEST_NOT_FIRST,
                    "The package must start with manifest.json, but starts with \"" + EntryRules.shown(first.getName()) + "\".");
        }
        if (first.getSize() > VerificationLimits.MAX_MANIFEST_BYTES) {
            throw new PackageRefusedException(MANIFEST_TOO_LARGE, "manifest.json has " + first.getSize()
                    + " bytes; at most " + VerificationLimits.MAX_MANIFEST_BYTES + " are allowed.");
        }
        byte[] manifestBytes = tar.readAll((int) first.getSize());
        TarArchiveEntry second = tar.next();
        if (second == null || !second.getName().equals(SIGNATURE)) {
            throw new PackageRefusedException(SIGNATURE_MISSING, "manifest.sig must follow manifest.json in the package.");
        }
        EntryRules.requirePlainFile(second);
        if (second.getSize() != Ed25519Keys.SIGNATURE_LENGTH) {
            throw new PackageRefusedException(BAD_SIGNATURE, "manifest.sig must hold a 64-byte Ed25519 signature.");
        }
        byte[] signature = tar.readAll(Ed25519Keys.SIGNATURE_LENGTH);
        Manifest manifest = checkSignature(manifestBytes, signature);
        stagePayload(tar, manifest, area);
        return new VerifiedPackage(manifest, PayloadCopier.sha256Hex(manifestBytes), area.root(), tar.bytesRead());
    }

    private Manifest checkSignature(byte[] manifestBytes, byte[] signature) throws PackageRefusedException {
        JsonNode tree = ManifestCodec.readTree(manifestBytes);
        String keyId = ManifestCodec.keyId(tree);
        PublicKey key = keys.key(keyId).orElseThrow(() -> new PackageRefusedException(UNKNOWN_KEY,
                "The package is signed with key " + keyId + ", which this appliance does not trust."));
        if (!Ed25519Keys.verify(key, manifestBytes, signature)) {
            throw new PackageRefusedException(BAD_SIGNATURE,
                    "The package's signature does not match its manifest: it was altered or signed with another key.");
        }
        return ManifestCodec.toManifest(tree);
    }

    private void stagePayload(TarReader tar, Manifest manifest, Staging area) throws PackageRefusedException, IOException {
        if (manifest.files().size() > limits.maxFiles()) {
            throw new PackageRefusedException(TOO_MANY_FILES, "The package lists " + manifest.files().size()
                    + " files; at most " + limits.maxFiles() + " are allowed.");
        }
        if (manifest.payloadBytes() > limits.maxPackageBytes()) {
            throw new PackageRefusedException(PACKAGE_TOO_LARGE, "The package's payload has " + manifest.payloadBytes()
                    + " bytes; the limit is " + limits.maxPackageBytes() + " bytes.");
        }
        Map<String, PayloadFile> expected = new HashMap<>();
        manifest.files().forEach(f -> expected.put(f.entryName(), f));
        try (PayloadCopier copier = new PayloadCopier()) {
            stageEntries(tar, expected, area, copier);
        }
        if (!expected.isEmpty()) {
            throw new PackageRefusedException(MISSING_ENTRY, "The package lacks " + expected.size() + " file(s) its manifest lists, such as "
                    + expected.values().iterator().next().path() + ".");
        }
    }

    private void stageEntries(TarReader tar, Map<String, PayloadFile> expected, Staging area, PayloadCopier copier)
            throws PackageRefusedException, IOException {
        Set<String> seen = new HashSet<>();
        int folders = 0;
        for (TarArchiveEntry entry = tar.next(); entry != null; entry = tar.next()) {
            String name = entry.getName();
            EntryRules.requireSafe(entry);
            if (name.equals(MANIFEST) || name.equals(SIGNATURE) || !seen.add(name)) {
                throw new PackageRefusedException(DUPLICATE_ENTRY, "The package holds " + EntryRules.shown(name) + " twice.");
            }
            if (entry.isDirectory()) {
                EntryRules.requirePayloadFolder(name);
                if (++folders > limits.maxFiles()) {
                    throw new PackageRefusedException(TOO_MANY_FILES, "The package has more than " + limits.maxFiles() + " folders.");
                }
                continue;
            }
            PayloadFile file = expected.remove(name);
            if (file == null) {
                throw new PackageRefusedException(EXTRA_ENTRY,
                        "The package holds " + EntryRules.shown(name) + ", which its manifest does not list.");
            }
            if (entry.getSize() != file.size()) {
                throw new PackageRefusedException(SIZE_MISMATCH, file.path() + " has " + entry.getSize()
                        + " bytes in the package, but the manifest says " + file.size() + ".");
            }
            String sha256 = copier.copy(tar, file.size(), area.prepare(file.path()));
            if (!sha256.equals(file.sha256())) {
                throw new PackageRefusedException(HASH_MISMATCH, file.path() + " does not match its SHA-256 in the manifest.");
            }
        }
    }
}

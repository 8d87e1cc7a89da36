package com.arasul.updates.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys a package may be signed with, by key id. Several at once make rotation possible:
 * trust the new key, sign with it, then stop trusting the old one.
 */
public final class TrustedKeys {

    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;
    private final Map<String, PublicKey> byId;

    private TrustedKeys(Map<String, PublicKey> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static TrustedKeys of(PublicKey... keys) {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        for (PublicKey key : keys) byId.put(Ed25519Keys.keyId(key), key);
        return new TrustedKeys(byId);
    }

    /**
     * Every {@code *.pem} file in the folder (not its sub-folders). A file that is not an Ed25519
     * public key is an error, not silently skipped: whoever put it there meant to trust something.
     */
    public static TrustedKeys load(Path folder) throws IOException {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        try (DirectoryStream<Path> pems = Files.newDirectoryStream(folder, "*.pem")) {
            for (Path pem : pems) {
                if (!Files.isRegularFile(pem)) continue;
                if (Files.size(pem) > MAX_KEY_FILE_BYTES) throw new IOException(pem + " is too large to be a public key");
                try {
                    PublicKey key = Ed25519Keys.readPublicKey(Files.readString(pem, StandardCharsets.US_ASCII));
                    byId.put(Ed25519Keys.keyId(key), key);
                } catch (IllegalArgumentException e) {
                    throw new IOException(pem + " is not an Ed25519 public key in PEM form (" + e.getMessage() + ")", e);
                }
            }
        }
        return new TrustedKeys(byId);
    }

    public Optional<PublicKey> key(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public Collection<String> keyIds() {
        return byId.keySet();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }
}

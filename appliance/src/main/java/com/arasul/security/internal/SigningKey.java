package com.arasul.security.internal;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 secret the appliance signs its tokens with: 32 random bytes made at first start and
 * kept owner-only in the config folder, so tokens survive a restart and no one else can mint them.
 * Deleting the file signs every user out at the next start.
 */
final class SigningKey {

    static final String FILE_NAME = "jwt-signing.key";
    private static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {
    }

    static SecretKey loadOrCreate(DataDirectory dataDirectory) {
        Path file = dataDirectory.config().resolve(FILE_NAME);
        byte[] key = Files.exists(file) ? read(file) : create(file);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] read(Path file) {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException(file + " holds fewer than " + KEY_BYTES
                        + " bytes; delete it to make a new key (this signs every user out)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token signing key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not base64; delete it to make a new key", e);
        }
    }

    private static byte[] create(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        DataDirectory.writeSecret(file, Base64.getEncoder().encode(key));
        log.info("Created a new token signing key in {}", file);
        return key;
    }
}

package com.arasul.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One login for the dashboard and the n8n editor behind the reverse proxy. A browser cannot send a
 * bearer header when it navigates to {@code /n8n/}, so a logged-in admin trades the token for an
 * opaque cookie reference; nginx asks {@code /api/auth/proxy-check} on each request to n8n. A reference
 * lives at most {@link #LIFETIME} and never past its session, and stops working within
 * {@link #RECHECK} of that session ending. Only a hash of the reference is kept, in a bounded map.
 */
@Component
class ProxySessions {

    static final String COOKIE = "arasul_proxy";
    static final String COOKIE_PATH = "/n8n/";
    static final Duration LIFETIME = Duration.ofHours(8);
    static final Duration RECHECK = Duration.ofSeconds(30);
    static final int CAPACITY = 1_000;

    record Issued(String value, Instant expiresAt) {
    }

    private record Reference(String jti, Instant expiresAt, Instant checkedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final BoundedMap<String, Reference> references = new BoundedMap<>(CAPACITY);
    private final Predicate<String> sessionOpen;
    private final Clock clock;

    @Autowired
    ProxySessions(SessionStore sessions) {
        this(jti -> sessions.status(jti).map(SessionStore.Status::active).orElse(false), Clock.systemUTC());
    }

    ProxySessions(Predicate<String> sessionOpen, Clock clock) {
        this.sessionOpen = sessionOpen;
        this.clock = clock;
    }

    /** A new reference for the session {@code jti}, which is open until {@code sessionExpiresAt}. */
    Issued open(String jti, Instant sessionExpiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant limit = now.plus(LIFETIME);
        Instant expiresAt = sessionExpiresAt != null && sessionExpiresAt.isBefore(limit) ? sessionExpiresAt : limit;
        references.put(hash(value), new Reference(jti, expiresAt, now));
        return new Issued(value, expiresAt);
    }

    /** Whether {@code value} is a live reference of a session that is still open. */
    boolean valid(String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            return false;
        }
        String key = hash(value);
        Reference reference = references.get(key);
        Instant now = clock.instant();
        if (reference == null || !reference.expiresAt().isAfter(now)) {
            references.remove(key);
            return false;
        }
        if (reference.checkedAt().plus(RECHECK).isAfter(now)) {
            return true;
        }
        if (!sessionOpen.test(reference.jti())) {
            references.remove(key);
            return false;
        }
        references.put(key, new Reference(reference.jti(), reference.expiresAt(), now));
        return true;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

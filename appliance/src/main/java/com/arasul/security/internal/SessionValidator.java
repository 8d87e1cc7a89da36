package com.arasul.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token only while its session is open: checked on every request. Verdicts are kept in a
 * bounded cache for a short while so a busy dashboard does not ask the database each time; a
 * revocation in this process replaces the cached verdict at once.
 */
final class SessionValidator implements OAuth2TokenValidator<Jwt> {

    /** How long an "open" verdict is trusted; it also paces the {@code last_seen_at} updates. */
    static final Duration ACTIVE_VERDICT_TTL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SessionValidator.class);
    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "the session of this token has ended", null);
    private static final OAuth2Error UNAVAILABLE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "the session store cannot be reached", null);

    private record Verdict(boolean active, Instant until) {
    }

    private final SessionStore sessions;
    private final BoundedMap<String, Verdict> verdicts;
    private final Clock clock;

    SessionValidator(SessionStore sessions, int cacheSize, Clock clock) {
        this.sessions = sessions;
        this.verdicts = new BoundedMap<>(cacheSize);
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String jti = token.getId();
        if (jti == null) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        Instant now = clock.instant();
        Verdict verdict = verdicts.get(jti);
        if (verdict == null || !verdict.until().isAfter(now)) {
            try {
                verdict = lookUp(jti, now);
            } catch (DataAccessException e) {
                // fail closed: without the session store nobody can tell a revoked token from a good one
                log.warn("Cannot check a token's session: {}", e.getMessage());
                return OAuth2TokenValidatorResult.failure(UNAVAILABLE);
            }
            verdicts.put(jti, verdict);
        }
        return verdict.active() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(REVOKED);
    }

    /** Called after a revocation, so the revoked tokens fail on their very next request. */
    void revoked(Collection<String> jtis) {
        Instant forever = Instant.MAX;
        jtis.forEach(jti -> verdicts.put(jti, new Verdict(false, forever)));
    }

    private Verdict lookUp(String jti, Instant now) {
        return sessions.status(jti)
                .map(status -> {
                    if (!status.active()) {
                        return new Verdict(false, status.expiresAt());
                    }
                    sessions.touch(jti);
                    Instant until = now.plus(ACTIVE_VERDICT_TTL);
                    return new Verdict(true, until.isBefore(status.expiresAt()) ? until : status.expiresAt());
                })
                .orElseGet(() -> new Verdict(false, now.plus(ACTIVE_VERDICT_TTL)));
    }
}

package com.arasul.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Mints a login token and opens its session row; the token itself is never stored. */
final class TokenIssuer {

    static final String ISSUER = "arasul";

    record IssuedToken(String value, String jti, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final JwtEncoder encoder;
    private final SessionStore sessions;
    private final Duration lifetime;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, SessionStore sessions, Duration lifetime, Clock clock) {
        this.encoder = encoder;
        this.sessions = sessions;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    IssuedToken issue(AdminAccounts.Account account, String clientIp, String userAgent) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(account.username())
                .id(jti)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        sessions.open(jti, account.id(), now, expiresAt, clientIp, userAgent);
        return new IssuedToken(token, jti, expiresAt);
    }
}

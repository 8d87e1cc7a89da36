package com.arasul.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** One row in {@code sessions} per issued token, and {@code token_revocations} for the ended ones. */
@Repository
class SessionStore {

    record Session(String jti, Instant issuedAt, Instant expiresAt, String clientIp, String userAgent,
            Instant lastSeenAt) {
    }

    /** What a token id stands for now: its owner's session is open until {@code expiresAt}, or not. */
    record Status(boolean active, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(String jti, long userId, Instant issuedAt, Instant expiresAt, String clientIp, String userAgent) {
        jdbc.sql("""
                INSERT INTO sessions (jti, user_id, issued_at, expires_at, client_ip, user_agent, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(jti, userId, Timestamps.toDb(issuedAt), Timestamps.toDb(expiresAt), truncate(clientIp, 64),
                        truncate(userAgent, 255), Timestamps.toDb(issuedAt))
                .update();
    }

    /** The state of a token id; an id the appliance never issued is not active. */
    Optional<Status> status(String jti) {
        return jdbc.sql("SELECT revoked_at IS NULL AND expires_at > now() AS active, expires_at FROM sessions WHERE jti = ?")
                .param(jti)
                .query((rs, n) -> new Status(rs.getBoolean("active"), Timestamps.read(rs, "expires_at")))
                .optional();
    }

    void touch(String jti) {
        jdbc.sql("UPDATE sessions SET last_seen_at = now() WHERE jti = ?").param(jti).update();
    }

    /** Ends one session; answers the ids that were ended (empty when it was over already). */
    @Transactional
    List<String> revoke(String jti) {
        return remember(jdbc.sql("""
                UPDATE sessions SET revoked_at = now() WHERE jti = ? AND revoked_at IS NULL
                RETURNING jti""").param(jti).query(String.class).list());
    }

    /** Ends every open session of the owner of {@code jti}, except {@code keep} when given. */
    @Transactional
    List<String> revokeAllOfOwner(String jti, String keep) {
        return remember(jdbc.sql("""
                UPDATE sessions SET revoked_at = now()
                WHERE user_id = (SELECT user_id FROM sessions WHERE jti = :jti)
                  AND revoked_at IS NULL AND jti <> :keep
                RETURNING jti""").param("jti", jti).param("keep", keep == null ? "" : keep)
                .query(String.class).list());
    }

    /** Ends every open session of one account. */
    @Transactional
    List<String> revokeAllOfUser(long userId) {
        return remember(jdbc.sql("""
                UPDATE sessions SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL
                RETURNING jti""").param(userId).query(String.class).list());
    }

    List<Session> open(long userId) {
        return jdbc.sql("""
                SELECT jti, issued_at, expires_at, client_ip, user_agent, last_seen_at FROM sessions
                WHERE user_id = ? AND revoked_at IS NULL AND expires_at > now() ORDER BY issued_at DESC""")
                .param(userId)
                .query((rs, n) -> new Session(rs.getString("jti"), Timestamps.read(rs, "issued_at"),
                        Timestamps.read(rs, "expires_at"), rs.getString("client_ip"), rs.getString("user_agent"),
                        Timestamps.read(rs, "last_seen_at")))
                .list();
    }

    /** Forgets sessions and revocations whose tokens expired before {@code before}. */
    int deleteExpired(Instant before) {
        int revocations = jdbc.sql("DELETE FROM token_revocations WHERE expires_at < ?")
                .param(Timestamps.toDb(before)).update();
        return revocations + jdbc.sql("DELETE FROM sessions WHERE expires_at < ?").param(Timestamps.toDb(before)).update();
    }

    private List<String> remember(List<String> revoked) {
        for (String jti : revoked) {
            jdbc.sql("""
                    INSERT INTO token_revocations (jti, expires_at)
                    SELECT jti, expires_at FROM sessions WHERE jti = ? ON CONFLICT (jti) DO NOTHING""")
                    .param(jti).update();
        }
        return revoked;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

package com.arasul.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rows of {@code admin_users} and {@code password_history}. */
@Repository
class AdminAccounts {

    record Account(long id, String username, String passwordHash, int failedAttempts, Instant lockedUntil,
            Instant passwordChangedAt) {

        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    private final JdbcClient jdbc;

    AdminAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("""
                SELECT id, username, password_hash, failed_attempts, locked_until, password_changed_at
                FROM admin_users WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getInt("failed_attempts"),
                        Timestamps.read(rs, "locked_until"), Timestamps.read(rs, "password_changed_at")))
                .optional();
    }

    @Transactional
    long create(String username, String passwordHash) {
        long id = jdbc.sql("INSERT INTO admin_users (username, password_hash) VALUES (?, ?) RETURNING id")
                .params(username, passwordHash).query(Long.class).single();
        remember(id, passwordHash);
        return id;
    }

    /** Counts one more failed login and answers how many there are in a row now. */
    int countFailure(long id) {
        return jdbc.sql("UPDATE admin_users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts")
                .param(id).query(Integer.class).single();
    }

    void clearFailures(long id) {
        jdbc.sql("UPDATE admin_users SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)")
                .param(id).update();
    }

    @Transactional
    void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE admin_users SET password_hash = ?, password_changed_at = now() WHERE id = ?")
                .params(passwordHash, id).update();
        remember(id, passwordHash);
    }

    /** The hashes of the newest passwords, the current one first. */
    List<String> recentHashes(long id, int count) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(id, count).query(String.class).list();
    }

    private void remember(long id, String passwordHash) {
        jdbc.sql("INSERT INTO password_history (user_id, password_hash) VALUES (?, ?)").params(id, passwordHash).update();
    }
}

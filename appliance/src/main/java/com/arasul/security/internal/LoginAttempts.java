package com.arasul.security.internal;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of every login, successful or not, in {@code login_attempts}. */
@Repository
class LoginAttempts {

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, String clientIp, boolean success) {
        jdbc.sql("INSERT INTO login_attempts (username, client_ip, success) VALUES (?, ?, ?)")
                .params(cut(username, 60), cut(clientIp, 64), success).update();
    }

    int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM login_attempts WHERE attempted_at < ?").param(Timestamps.toDb(before)).update();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

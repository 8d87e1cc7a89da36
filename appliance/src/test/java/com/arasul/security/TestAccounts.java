package com.arasul.security;

import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Extra accounts straight in the database, so that tests which lock, sign out or re-password an
 * account never disturb {@code admin}, whom the other tests of the shared application log in as.
 * A {@link SecuredApplianceTest} has it to inject.
 */
@TestComponent
final class TestAccounts {

    static final String PASSWORD = "Probe-Password-42!";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    TestAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** A new account with {@link #PASSWORD}; answers its username. */
    String create() {
        String username = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        String hash = encoder.encode(PASSWORD);
        long id = jdbc.sql("INSERT INTO admin_users (username, password_hash) VALUES (?, ?) RETURNING id")
                .params(username, hash).query(Long.class).single();
        jdbc.sql("INSERT INTO password_history (user_id, password_hash) VALUES (?, ?)").params(id, hash).update();
        return username;
    }
}

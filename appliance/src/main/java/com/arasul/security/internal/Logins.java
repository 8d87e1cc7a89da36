package com.arasul.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A login: the password checked with bcrypt, failures counted per account, five in a row lock it
 * for fifteen minutes. While locked not even the right password opens it, so guessing gains nothing.
 */
@Service
class Logins {

    sealed interface Outcome {
    }

    record LoggedIn(TokenIssuer.IssuedToken token) implements Outcome {
    }

    record Rejected() implements Outcome {
    }

    record Locked(Instant until) implements Outcome {
    }

    private static final Logger log = LoggerFactory.getLogger(Logins.class);

    private final AdminAccounts accounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final TokenIssuer tokens;
    private final SecurityProperties.Lockout lockout;
    private final Clock clock = Clock.systemUTC();
    /**
     * Checked for unknown names, so that they take as long to refuse as a wrong password. Hashed on
     * a thread of its own: at cost 12 on a cold JVM that takes seconds the start need not wait for.
     */
    private final CompletableFuture<String> decoyHash;

    Logins(AdminAccounts accounts, LoginAttempts attempts, PasswordEncoder encoder, TokenIssuer tokens,
            SecurityProperties properties) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.encoder = encoder;
        this.tokens = tokens;
        this.lockout = properties.lockout();
        this.decoyHash = CompletableFuture.supplyAsync(() -> encoder.encode("decoy-" + System.nanoTime()),
                hashing -> Thread.ofPlatform().name("login-decoy").daemon().start(hashing));
    }

    Outcome login(String username, String password, String clientIp, String userAgent) {
        Optional<AdminAccounts.Account> found = accounts.find(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash.join());
            attempts.record(username, clientIp, false);
            return new Rejected();
        }
        AdminAccounts.Account account = found.get();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            attempts.record(username, clientIp, false);
            return new Locked(account.lockedUntil());
        }
        if (!encoder.matches(password, account.passwordHash())) {
            attempts.record(username, clientIp, false);
            return countFailure(account, now);
        }
        accounts.clearFailures(account.id());
        attempts.record(username, clientIp, true);
        return new LoggedIn(tokens.issue(account, clientIp, userAgent));
    }

    private Outcome countFailure(AdminAccounts.Account account, Instant now) {
        int failures = accounts.countFailure(account.id());
        if (failures < lockout.maxFailures()) {
            return new Rejected();
        }
        Instant until = now.plus(lockout.duration());
        accounts.lock(account.id(), until);
        log.warn("Locked the account '{}' until {} after {} failed logins", account.username(), until, failures);
        return new Locked(until);
    }
}

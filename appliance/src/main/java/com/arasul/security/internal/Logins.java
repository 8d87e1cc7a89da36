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
 * A login: the password checked with bcrypt, failures counted per account and client address by
 * the {@link LoginThrottle}; a refused try is answered without looking at the password, so guessing
 * during a lock gains nothing. Change-password proves the current password through here too.
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

    /** The password was right: the account, for a caller that goes on (login, password change). */
    record Verified(AdminAccounts.Account account) implements Outcome {
    }

    private static final Logger log = LoggerFactory.getLogger(Logins.class);

    private final AdminAccounts accounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
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
        this.throttle = new LoginThrottle(properties.lockout(), properties.rateLimits().maxClients(), Clock.systemUTC());
        this.decoyHash = CompletableFuture.supplyAsync(() -> encoder.encode("decoy-" + System.nanoTime()),
                hashing -> Thread.ofPlatform().name("login-decoy").daemon().start(hashing));
    }

    Outcome login(String username, String password, String clientIp, String userAgent) {
        Outcome verified = verify(username, password, clientIp);
        if (verified instanceof Verified(var account)) {
            return new LoggedIn(tokens.issue(account, clientIp, userAgent));
        }
        return verified;
    }

    /** Forgets the failures of every address at this account (after a reset at the box). */
    void forget(String username) {
        throttle.forget(username);
    }

    /**
     * Checks a password as a login does, counting a wrong one against the account and this client
     * address; answers {@link Verified}, {@link Rejected} or {@link Locked}.
     */
    Outcome verify(String username, String password, String clientIp) {
        Optional<AdminAccounts.Account> found = accounts.find(username);
        if (found.isEmpty()) {
            Optional<Instant> refused = throttle.refusedUntil(username, clientIp, 0);
            if (refused.isPresent()) {
                attempts.record(username, clientIp, false);
                return new Locked(refused.get());
            }
            encoder.matches(password, decoyHash.join());
            attempts.record(username, clientIp, false);
            return throttle.failed(username, clientIp).<Outcome>map(Locked::new).orElseGet(Rejected::new);
        }
        AdminAccounts.Account account = found.get();
        Optional<Instant> refused = throttle.refusedUntil(username, clientIp, account.failedAttempts());
        if (refused.isPresent()) {
            attempts.record(username, clientIp, false);
            return new Locked(refused.get());
        }
        if (password == null || !encoder.matches(password, account.passwordHash())) {
            attempts.record(username, clientIp, false);
            int failures = accounts.countFailure(account.id());
            Optional<Instant> locked = throttle.failed(username, clientIp);
            locked.ifPresent(until -> log.warn("Refusing logins to '{}' from {} until {} after {} failures from there",
                    account.username(), clientIp, until, failures));
            return locked.<Outcome>map(Locked::new).orElseGet(Rejected::new);
        }
        accounts.clearFailures(account.id());
        throttle.succeeded(username, clientIp);
        attempts.record(username, clientIp, true);
        return new Verified(account);
    }
}

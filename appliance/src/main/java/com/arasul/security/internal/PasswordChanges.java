package com.arasul.security.internal;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A new password: the policy met, the current one proven, none of the last five reused. The policy
 * is checked first, as it needs no secret; the current password is proven like a login (a wrong one
 * counts as a failed login, and a locked-out address is refused unread), so a token holder cannot
 * guess it here any faster than at the login, and the answer says nothing about it until it is right.
 */
@Service
class PasswordChanges {

    /** Why a change was refused, in words for the caller. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The caller's address may not try a password now. */
    static final class Throttled extends RuntimeException {
        final transient java.time.Instant until;

        Throttled(java.time.Instant until) {
            super("too many wrong passwords");
            this.until = until;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    private final AdminAccounts accounts;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final Logins logins;
    private final DataDirectory dataDirectory;
    private final int history;

    PasswordChanges(AdminAccounts accounts, PasswordEncoder encoder, AccountSessions sessions, Logins logins,
            DataDirectory dataDirectory, SecurityProperties properties) {
        this.logins = logins;
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.dataDirectory = dataDirectory;
        this.history = properties.passwordHistory();
    }

    /** Changes the password and signs out every other session; answers how many were ended. */
    int change(String username, String currentJti, String currentPassword, String newPassword, String clientIp) {
        List<String> broken = PasswordPolicy.violations(newPassword);
        if (!broken.isEmpty()) {
            throw new Refused(PasswordPolicy.describe(broken));
        }
        AdminAccounts.Account account = switch (logins.verify(username, currentPassword, clientIp)) {
            case Logins.Verified(var verified) -> verified;
            case Logins.Locked(var until) -> throw new Throttled(until);
            default -> throw new Refused("the current password is not correct");
        };
        boolean reused = accounts.recentHashes(account.id(), history).stream()
                .anyMatch(hash -> encoder.matches(newPassword, hash));
        if (reused) {
            throw new Refused("the password must differ from the last " + history + " passwords");
        }
        accounts.changePassword(account.id(), encoder.encode(newPassword));
        log.info("The password of '{}' was changed", username);
        forgetGeneratedPassword(username);
        return sessions.logoutAll(username, currentJti, currentJti);
    }

    /** The generated first password is no longer valid; leaving it on disk would only mislead. */
    private void forgetGeneratedPassword(String username) {
        if (!AdminAccountInitializer.ADMIN.equals(username)) {
            return;
        }
        try {
            Files.deleteIfExists(AdminAccountInitializer.passwordFile(dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

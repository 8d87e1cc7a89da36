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

/** A new password: the current one proven, the policy met, none of the last five reused. */
@Service
class PasswordChanges {

    /** Why a change was refused, in words for the caller. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    private final AdminAccounts accounts;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final DataDirectory dataDirectory;
    private final int history;

    PasswordChanges(AdminAccounts accounts, PasswordEncoder encoder, AccountSessions sessions,
            DataDirectory dataDirectory, SecurityProperties properties) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.dataDirectory = dataDirectory;
        this.history = properties.passwordHistory();
    }

    /** Changes the password and signs out every other session; answers how many were ended. */
    int change(String username, String currentJti, String currentPassword, String newPassword) {
        AdminAccounts.Account account = accounts.find(username)
                .orElseThrow(() -> new Refused("the account no longer exists"));
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw new Refused("the current password is not correct");
        }
        List<String> broken = PasswordPolicy.violations(newPassword);
        if (!broken.isEmpty()) {
            throw new Refused(PasswordPolicy.describe(broken));
        }
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

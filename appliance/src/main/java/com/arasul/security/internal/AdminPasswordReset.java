package com.arasul.security.internal;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The way back in for someone at the box: {@code scripts/arasul admin reset-password} writes a new
 * password owner-only to {@code config/admin-password-reset} in the data folder; this applies it at
 * start and, while the appliance runs, within five seconds: the password of {@code admin} is
 * replaced, its lockouts forgotten, its sessions ended, and the file deleted. Only who can write the
 * data folder (root on the box) can do this; the file is read without following a symbolic link.
 */
@Component
class AdminPasswordReset implements SmartInitializingSingleton {

    static final String RESET_FILE = "admin-password-reset";

    private static final Logger log = LoggerFactory.getLogger(AdminPasswordReset.class);

    private final AdminAccounts accounts;
    private final PasswordEncoder encoder;
    private final SessionStore sessions;
    private final AccountSessions accountSessions;
    private final Logins logins;
    private final Path file;

    AdminPasswordReset(AdminAccounts accounts, PasswordEncoder encoder, SessionStore sessions,
            AccountSessions accountSessions, Logins logins, DataDirectory dataDirectory) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.sessions = sessions;
        this.accountSessions = accountSessions;
        this.logins = logins;
        this.file = dataDirectory.config().resolve(RESET_FILE);
    }

    @Override
    public void afterSingletonsInstantiated() {
        applyIfRequested();
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT5S")
    void applyIfRequested() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                log.warn("Ignoring {}: not a plain file", file);
                return;
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            List<String> broken = PasswordPolicy.violations(password);
            if (broken.isEmpty()) {
                apply(password);
            } else {
                log.warn("Ignoring the password reset in {}: {}", file, PasswordPolicy.describe(broken));
            }
            Files.delete(file);
        } catch (IOException e) {
            log.warn("Cannot read the password reset in {}: {}", file, e.getMessage());
        }
    }

    private void apply(String password) {
        AdminAccounts.Account admin = accounts.find(AdminAccountInitializer.ADMIN)
                .orElseThrow(() -> new IllegalStateException("there is no account admin to reset"));
        accounts.changePassword(admin.id(), encoder.encode(password));
        accounts.clearFailures(admin.id());
        logins.forget(admin.username());
        accountSessions.ended(admin.username(), sessions.revokeAllOfUser(admin.id()));
        log.info("The password of '{}' was reset from {}; its sessions were ended", admin.username(), file);
    }
}

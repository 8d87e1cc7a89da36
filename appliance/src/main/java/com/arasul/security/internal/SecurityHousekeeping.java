package com.arasul.security.internal;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the security tables small: ended sessions a day after expiry, login attempts after 30 days. */
@Component
class SecurityHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(SecurityHousekeeping.class);

    private final SessionStore sessions;
    private final LoginAttempts attempts;

    SecurityHousekeeping(SessionStore sessions, LoginAttempts attempts) {
        this.sessions = sessions;
        this.attempts = attempts;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void deleteOldRows() {
        Instant now = Instant.now();
        try {
            int removed = sessions.deleteExpired(now.minus(Duration.ofDays(1)))
                    + attempts.deleteOlderThan(now.minus(Duration.ofDays(30)));
            if (removed > 0) {
                log.info("Removed {} expired session and login rows", removed);
            }
        } catch (DataAccessException e) {
            log.warn("Could not remove expired session rows, will try again in an hour: {}", e.getMessage());
        }
    }
}

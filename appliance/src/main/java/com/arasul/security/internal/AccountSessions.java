package com.arasul.security.internal;

import com.arasul.security.SessionsRevoked;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Ends sessions: in the database, in the verdict cache at once, and as an event for open WebSockets. */
@Service
class AccountSessions {

    private final SessionStore sessions;
    private final SessionValidator validator;
    private final ApplicationEventPublisher events;

    AccountSessions(SessionStore sessions, SessionValidator validator, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.validator = validator;
        this.events = events;
    }

    /** Ends the session of this one token. */
    int logout(String username, String jti) {
        return ended(username, sessions.revoke(jti));
    }

    /** Ends every session of the token's owner, except the one of {@code keepJti} when given. */
    int logoutAll(String username, String jti, String keepJti) {
        return ended(username, sessions.revokeAllOfOwner(jti, keepJti));
    }

    /** Announces sessions ended elsewhere (a password reset): the cache and live connections follow. */
    int ended(String username, List<String> jtis) {
        validator.revoked(jtis);
        if (!jtis.isEmpty()) {
            events.publishEvent(new SessionsRevoked(username, new HashSet<>(jtis)));
        }
        return jtis.size();
    }
}

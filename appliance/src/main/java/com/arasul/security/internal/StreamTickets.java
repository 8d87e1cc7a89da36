package com.arasul.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Short-lived, single-use tickets that stand in for a session token in the URL of an event stream
 * ({@code EventSource} cannot send a header), so the long-lived token never lands in a URL or a
 * proxy's log. A ticket is bound to the session that asked for it: it is worth nothing once that
 * session has ended. The store is bounded; a flood of tickets forgets the oldest ones.
 */
final class StreamTickets {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    static final int CAPACITY = 1_000;

    record Ticket(String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "Ticket[expiresAt=" + expiresAt + "]";
        }
    }

    private record Held(JwtAuthenticationToken session, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final BoundedMap<String, Held> held = new BoundedMap<>(CAPACITY);
    private final SessionValidator sessions;
    private final Clock clock;

    StreamTickets(SessionValidator sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    Ticket issue(JwtAuthenticationToken session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        held.put(value, new Held(session, expiresAt));
        return new Ticket(value, expiresAt);
    }

    /** The session a ticket stands for, once: it is gone after this call whatever the answer. */
    Optional<JwtAuthenticationToken> redeem(String value) {
        Held ticket = held.remove(value);
        if (ticket == null || !ticket.expiresAt().isAfter(clock.instant())
                || sessions.validate(ticket.session().getToken()).hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(ticket.session());
    }
}

package com.arasul.platform;

import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The open long-lived connections (WebSockets, event streams) by the session that opened them (the
 * token's {@code jti}), so that ending a session closes them at once rather than when the client
 * next reconnects. Whoever opens such a connection registers how to close it and deregisters when
 * it ends; the number of entries is bounded by the connection limits of those owners.
 */
@Component
public final class LiveConnections {

    private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

    /** Ends one registration; calling it twice is harmless. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }

    private final Map<String, Set<Runnable>> bySession = new ConcurrentHashMap<>();

    /**
     * Remembers {@code close} under the session of {@code principal}; a principal without a session
     * (no token id) registers nothing.
     */
    public Registration register(Principal principal, Runnable close) {
        Optional<String> session = sessionId(principal);
        if (session.isEmpty()) {
            return () -> { };
        }
        String jti = session.get();
        bySession.computeIfAbsent(jti, key -> ConcurrentHashMap.newKeySet()).add(close);
        return () -> bySession.computeIfPresent(jti, (key, closers) -> {
            closers.remove(close);
            return closers.isEmpty() ? null : closers;
        });
    }

    /** Closes every connection opened by one of these sessions; answers how many. */
    public int close(Collection<String> sessionIds) {
        int closed = 0;
        for (String jti : sessionIds) {
            Set<Runnable> closers = bySession.remove(jti);
            if (closers == null) {
                continue;
            }
            for (Runnable close : closers) {
                try {
                    close.run();
                    closed++;
                } catch (RuntimeException e) {
                    log.debug("A connection of an ended session was gone already: {}", e.getMessage());
                }
            }
        }
        return closed;
    }

    /** How many connections are registered, for tests and the log. */
    public int size() {
        return bySession.values().stream().mapToInt(Set::size).sum();
    }

    /** The token id ({@code jti}) a principal was authenticated with, when it came with a token. */
    public static Optional<String> sessionId(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.ofNullable(jwt.getId());
        }
        return Optional.empty();
    }
}

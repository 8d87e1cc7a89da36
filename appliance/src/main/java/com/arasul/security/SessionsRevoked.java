package com.arasul.security;

import java.util.Set;

/**
 * Tokens that stopped being valid (logout, logout-all, password change). Owners of long-lived
 * connections (WebSockets) close those opened with one of these token ids ({@code jti}).
 *
 * @param username whose sessions ended
 * @param tokenIds the {@code jti} claims of the revoked tokens
 */
public record SessionsRevoked(String username, Set<String> tokenIds) {

    public SessionsRevoked {
        tokenIds = Set.copyOf(tokenIds);
    }
}

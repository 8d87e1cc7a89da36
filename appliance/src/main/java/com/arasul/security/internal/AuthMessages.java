package com.arasul.security.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code /api/auth}: requests never print their passwords, answers carry a timestamp. */
final class AuthMessages {

    private AuthMessages() {
    }

    record LoginRequest(@NotBlank @Size(max = 60) String username, @NotNull @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    record ChangePasswordRequest(
            @JsonProperty("current_password") @NotNull @Size(max = 200) String currentPassword,
            @JsonProperty("new_password") @NotNull @Size(max = 200) String newPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[]";
        }
    }

    record LoginResponse(String token, @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_at") Instant expiresAt, Instant timestamp) {
    }

    record StreamTicket(String ticket, @JsonProperty("expires_at") Instant expiresAt) {

        @Override
        public String toString() {
            return "StreamTicket[expiresAt=" + expiresAt + "]";
        }
    }

    record LogoutResponse(@JsonProperty("sessions_ended") int sessionsEnded, Instant timestamp) {
    }

    record PasswordChanged(String message, @JsonProperty("other_sessions_ended") int otherSessionsEnded,
            Instant timestamp) {
    }

    record Me(String username, @JsonProperty("password_changed_at") Instant passwordChangedAt,
            SessionView session, Instant timestamp) {
    }

    record SessionList(List<SessionView> sessions, Instant timestamp) {
    }

    record SessionView(String id, @JsonProperty("issued_at") Instant issuedAt,
            @JsonProperty("expires_at") Instant expiresAt, @JsonProperty("client_ip") String clientIp,
            @JsonProperty("user_agent") String userAgent, @JsonProperty("last_seen_at") Instant lastSeenAt,
            boolean current) {

        static SessionView of(SessionStore.Session session, String currentJti) {
            return new SessionView(session.jti(), session.issuedAt(), session.expiresAt(), session.clientIp(),
                    session.userAgent(), session.lastSeenAt(), session.jti().equals(currentJti));
        }
    }
}

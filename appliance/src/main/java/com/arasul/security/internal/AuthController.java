package com.arasul.security.internal;

import com.arasul.platform.ApiError;
import com.arasul.security.internal.AuthMessages.ChangePasswordRequest;
import com.arasul.security.internal.AuthMessages.LoginRequest;
import com.arasul.security.internal.AuthMessages.LoginResponse;
import com.arasul.security.internal.AuthMessages.LogoutResponse;
import com.arasul.security.internal.AuthMessages.Me;
import com.arasul.security.internal.AuthMessages.PasswordChanged;
import com.arasul.security.internal.AuthMessages.SessionList;
import com.arasul.security.internal.AuthMessages.SessionView;
import com.arasul.security.internal.AuthMessages.StreamTicket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, logout and the account's own sessions and password. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Logins logins;
    private final AccountSessions sessions;
    private final SessionStore sessionStore;
    private final AdminAccounts accounts;
    private final PasswordChanges passwords;
    private final StreamTickets tickets;

    AuthController(Logins logins, AccountSessions sessions, SessionStore sessionStore, AdminAccounts accounts,
            PasswordChanges passwords, StreamTickets tickets) {
        this.tickets = tickets;
        this.logins = logins;
        this.sessions = sessions;
        this.sessionStore = sessionStore;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest login, HttpServletRequest request) {
        Logins.Outcome outcome = logins.login(login.username(), login.password(), request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT));
        return switch (outcome) {
            case Logins.LoggedIn(var token) ->
                    ResponseEntity.ok(new LoginResponse(token.value(), "Bearer", token.expiresAt(), Instant.now()));
            case Logins.Rejected() -> error(HttpStatus.UNAUTHORIZED, "wrong username or password", request);
            case Logins.Locked(var until) -> ResponseEntity.status(HttpStatus.LOCKED)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntil(until)))
                    .body(ApiError.of(HttpStatus.LOCKED, "the account is locked after too many failed logins until "
                            + until + "; try again then", request.getRequestURI()));
        };
    }

    @PostMapping("/logout")
    LogoutResponse logout(@AuthenticationPrincipal Jwt token) {
        return new LogoutResponse(sessions.logout(token.getSubject(), token.getId()), Instant.now());
    }

    @PostMapping("/logout-all")
    LogoutResponse logoutAll(@AuthenticationPrincipal Jwt token) {
        return new LogoutResponse(sessions.logoutAll(token.getSubject(), token.getId(), null), Instant.now());
    }

    /** A single-use ticket, valid 30 s, that opens one event stream of this session as {@code ?ticket=}. */
    @PostMapping("/stream-ticket")
    ResponseEntity<?> streamTicket(Authentication caller, HttpServletRequest request) {
        if (!(caller instanceof JwtAuthenticationToken session)) {
            return error(HttpStatus.FORBIDDEN, "a stream ticket is given to a login session only", request);
        }
        StreamTickets.Ticket ticket = tickets.issue(session);
        return ResponseEntity.ok(new StreamTicket(ticket.value(), ticket.expiresAt()));
    }

    @GetMapping("/me")
    ResponseEntity<?> me(@AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        return accounts.find(token.getSubject())
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(new Me(account.username(),
                        account.passwordChangedAt(), new SessionView(token.getId(), token.getIssuedAt(),
                        token.getExpiresAt(), null, null, null, true), Instant.now())))
                .orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "the account no longer exists", request));
    }

    @GetMapping("/sessions")
    ResponseEntity<?> sessions(@AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        return accounts.find(token.getSubject())
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(new SessionList(sessionStore.open(account.id())
                        .stream().map(session -> SessionView.of(session, token.getId())).toList(), Instant.now())))
                .orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "the account no longer exists", request));
    }

    @PostMapping("/change-password")
    ResponseEntity<?> changePassword(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ChangePasswordRequest change,
            HttpServletRequest request) {
        try {
            int ended = passwords.change(token.getSubject(), token.getId(), change.currentPassword(),
                    change.newPassword());
            return ResponseEntity.ok(new PasswordChanged("the password was changed; other sessions were signed out",
                    ended, Instant.now()));
        } catch (PasswordChanges.Refused e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage(), request);
        }
    }

    private static ResponseEntity<?> error(HttpStatus status, String message, HttpServletRequest request) {
        return ResponseEntity.status(status).body(ApiError.of(status, message, request.getRequestURI()));
    }

    private static long secondsUntil(Instant until) {
        return Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    }
}

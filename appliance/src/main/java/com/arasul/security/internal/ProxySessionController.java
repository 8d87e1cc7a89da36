package com.arasul.security.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reverse proxy's side of {@link ProxySessions}: the dashboard asks for the cookie before it opens
 * n8n, nginx's {@code auth_request} asks whether a request to {@code /n8n/} carries a good one.
 */
@RestController
@RequestMapping("/api/auth")
class ProxySessionController {

    private final ProxySessions proxySessions;

    ProxySessionController(ProxySessions proxySessions) {
        this.proxySessions = proxySessions;
    }

    /** Sets the cookie for the admin session of the bearer token; API keys carry no session. */
    @PostMapping("/proxy-session")
    ResponseEntity<Void> open(@AuthenticationPrincipal Jwt token) {
        if (token == null || token.getId() == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        ProxySessions.Issued issued = proxySessions.open(token.getId(), token.getExpiresAt());
        ResponseCookie cookie = ResponseCookie.from(ProxySessions.COOKIE, issued.value())
                .path(ProxySessions.COOKIE_PATH)
                .maxAge(Duration.between(Instant.now(), issued.expiresAt()).toSeconds())
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    /** 204 when the request carries a live reference, 401 otherwise; public, the cookie is the proof. */
    @GetMapping("/proxy-check")
    ResponseEntity<Void> check(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ProxySessions.COOKIE.equals(cookie.getName()) && proxySessions.valid(cookie.getValue())) {
                    return ResponseEntity.noContent().build();
                }
            }
        }
        // nginx reads only the status; anyone else gets the error shape every route answers with
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no dashboard login: log in to the dashboard first");
    }
}

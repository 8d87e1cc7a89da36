package com.arasul.security.internal;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per client before anything else is done for them: login, metrics and the rest of the
 * API have their own budgets. The client is the remote address; behind a trusted reverse proxy set
 * {@code server.forward-headers-strategy=native} so that it is the proxy's {@code X-Forwarded-For}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimits limits;
    private final ApiErrorWriter errors;

    RateLimitFilter(ClientRateLimits limits, ApiErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientRateLimits.Group group = groupOf(request);
        if (group == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = limits.tryConsume(group, request.getRemoteAddr());
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        SecurityProperties.Limit limit = limits.limit(group);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "more than " + limit.requests()
                + " requests per " + limit.per() + " to this part of the API; retry in " + seconds + " s");
    }

    static ClientRateLimits.Group groupOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/auth/login") && "POST".equals(request.getMethod())) {
            return ClientRateLimits.Group.LOGIN;
        }
        if (path.equals("/api/metrics") || path.startsWith("/api/metrics/")) {
            return ClientRateLimits.Group.METRICS;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return ClientRateLimits.Group.API;
        }
        return null;
    }
}

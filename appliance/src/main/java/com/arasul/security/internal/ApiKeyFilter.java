package com.arasul.security.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second way in, beside session tokens: {@code Authorization: Bearer ara_...}. A valid key is
 * let through only on the routes of its scopes and within its own rate; it then carries the
 * authorities {@code SCOPE_<scope>}. The JWT filter after this one ignores such tokens
 * ({@link BearerTokens}), so a key is never mistaken for a session.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ApiErrorWriter errors;
    private final SecurityProperties.Limit limit;
    private final BoundedMap<Long, Bucket> buckets;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final RequestAttributeSecurityContextRepository contextRepository =
            new RequestAttributeSecurityContextRepository();

    ApiKeyFilter(ApiKeys keys, ApiKeyProperties properties, ApiErrorWriter errors) {
        this.keys = keys;
        this.errors = errors;
        this.limit = properties.rateLimit();
        this.buckets = new BoundedMap<>(properties.maxKeys());
    }

    /** The key of a request, when it shows one. */
    static Optional<String> keyOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.startsWith(ApiKeys.KEY_PREFIX) ? Optional.of(token) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = keyOf(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.Verified> key = keys.verify(presented.get());
        if (key.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            errors.write(request, response, HttpStatus.UNAUTHORIZED,
                    "the API key is not valid or has been revoked");
            return;
        }
        ApiKeys.Verified verified = key.get();
        if (verified.scopes().stream().noneMatch(scope -> scope.covers(request))) {
            errors.write(request, response, HttpStatus.FORBIDDEN, "the API key '" + verified.name()
                    + "' (scopes " + verified.scopes().stream().map(ApiKeyScope::wireName).sorted()
                    .collect(Collectors.joining(", ")) + ") may not be used for " + request.getMethod() + " "
                    + request.getRequestURI() + "; administrative routes need a login");
            return;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(verified.id(), id -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "more than " + limit.requests()
                    + " requests per " + limit.per() + " with this API key; retry in " + seconds + " s");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(verified));
        contexts.setContext(context);
        // kept on the request too, so the later dispatches of a streamed (async) answer stay authenticated
        contextRepository.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    /** An authenticated key: its name is the principal, its scopes the authorities. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final ApiKeys.Verified key;

        ApiKeyAuthentication(ApiKeys.Verified key) {
            super(key.scopes().stream().map(ApiKeyScope::authority).toList());
            this.key = key;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "api-key:" + key.name();
        }
    }
}

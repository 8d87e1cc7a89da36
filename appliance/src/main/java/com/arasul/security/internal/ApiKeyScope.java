package com.arasul.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What an API key may be used for, and the only routes each scope opens. Everything not listed here
 * (rules, updates, service restarts, accounts, keys themselves) refuses every key.
 */
enum ApiKeyScope {

    LLM(route(null, "/api/llm/**"), route(null, "/v1/chat/completions"), route(null, "/v1/models"),
            route(null, "/v1/models/**")),
    EMBEDDINGS(route(null, "/api/embeddings"), route(null, "/v1/embeddings")),
    WORKFLOWS(route(HttpMethod.POST, "/api/workflows/execution")),
    READ(route(HttpMethod.GET, "/api/system/status"), route(HttpMethod.GET, "/api/metrics/**"),
            route(HttpMethod.GET, "/api/services"), route(HttpMethod.GET, "/api/workflows/**"));

    private final List<RequestMatcher> routes;

    ApiKeyScope(RequestMatcher... routes) {
        this.routes = List.of(routes);
    }

    /** The name in the API and in the authority, e.g. {@code llm} and {@code SCOPE_llm}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("SCOPE_" + wireName());
    }

    boolean covers(HttpServletRequest request) {
        return routes.stream().anyMatch(route -> route.matches(request));
    }

    static Optional<ApiKeyScope> of(String wireName) {
        return Arrays.stream(values()).filter(scope -> scope.wireName().equals(wireName)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(ApiKeyScope::wireName).toList();
    }

    private static RequestMatcher route(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}

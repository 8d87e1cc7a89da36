package com.arasul.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The one filter chain in front of everything: rate limits, body size, CORS, security headers and
 * bearer tokens checked by the OAuth2 resource server. Public: health, login, the API docs and the
 * static dashboard files; every other route, the actuator and WebSocket handshakes need a token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** springdoc serves the UI of {@code /api/docs} from {@code /api/swagger-ui/**}. */
    static final String[] API_DOCS = {"/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html"};

    /**
     * No timing of each of the ~20 security filters, authentications and authorizations per request:
     * nobody reads those figures, and wrapping every filter in an observation cost a fifth of the AI
     * gateway's CPU per chat (docs/benchmarks.md). Requests stay timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties, JwtDecoder jwtDecoder,
            JsonSecurityErrors securityErrors, ApiErrorWriter errors, StreamTickets tickets, ListableBeanFactory beans,
            SessionConnections sessionConnections, ApiKeys apiKeys, ApiKeyProperties apiKeyProperties)
            throws Exception {
        BodySizeLimitFilter bodySize = new BodySizeLimitFilter(properties.maxBodySize().toBytes(),
                properties.bodySizeExemptPaths(), errors);
        http
                // CSRF rides on credentials a browser adds by itself (cookies, basic auth). This API has
                // none: every request proves itself with a bearer token the client script sends
                // explicitly, so a forged cross-site request arrives without one and is refused anyway.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .addFilter(corsFilter(properties.corsAllowedOrigins(), errors))
                .headers(headers -> SecurityHeaders.apply(headers))
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/health", "/api/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
                        // nginx's auth_request for /n8n/: the proxy cookie is the proof, not a token
                        .requestMatchers(HttpMethod.GET, "/api/auth/proxy-check").permitAll()
                        .requestMatchers(API_DOCS).permitAll()
                        // the workflows' push door: a key of scope workflows, or the owner
                        .requestMatchers(HttpMethod.POST, "/api/workflows/execution")
                                .hasAnyAuthority("SCOPE_workflows", "ROLE_ADMIN")
                        .requestMatchers("/api", "/api/**", "/v1/**", "/actuator", "/actuator/**").authenticated()
                        .requestMatchers(SecurityConfiguration::isStaticFileRequest).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(SecurityConfiguration::adminSession))
                        // RFC 9728 metadata that names this appliance as configured and claims only what
                        // is true: bearer tokens in the header, not bound to a client certificate
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(claims ->
                                claims.resource(properties.baseUrl()).tlsClientCertificateBoundAccessTokens(false)))
                        .authenticationEntryPoint(securityErrors)
                        .accessDeniedHandler(securityErrors))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(securityErrors)
                        .accessDeniedHandler(securityErrors))
                .addFilterBefore(bodySize, BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new StreamTicketFilter(tickets, new StreamEndpoints(beans), errors),
                        BearerTokenAuthenticationFilter.class)
                // API keys (Bearer ara_...) are checked here, route by route; the JWT filter skips them
                .addFilterBefore(new ApiKeyFilter(apiKeys, apiKeyProperties, errors), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(sessionConnections.openAnswers(), AuthorizationFilter.class);
        if (properties.rateLimits().enabled()) {
            // before the token is even decoded: a flood must not cost a signature check per request
            http.addFilterBefore(new RateLimitFilter(new ClientRateLimits(properties.rateLimits()), errors),
                    BodySizeLimitFilter.class);
        }
        return http.build();
    }

    /** A session token is the owner's: {@code ROLE_ADMIN}, whereas an API key carries only its scopes. */
    private static JwtAuthenticationToken adminSession(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")), jwt.getSubject());
    }

    /** The dashboard's files: plain GETs outside /api; a WebSocket upgrade is never "static". */
    static boolean isStaticFileRequest(HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        // "Upgrade: h2c" is an ordinary HTTP/2 offer; only a WebSocket upgrade must show a token
        return read && !BearerTokens.isWebSocketHandshake(request);
    }

    private static CorsFilter corsFilter(List<String> allowedOrigins, ApiErrorWriter errors) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ClosedCorsProcessor(errors));
        return filter;
    }
}

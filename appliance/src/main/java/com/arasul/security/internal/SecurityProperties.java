package com.arasul.security.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts, tokens and the guards in front of the API. Defaults are the seeds' values.
 *
 * @param adminPassword first password of {@code admin} ({@code ARASUL_ADMIN_PASSWORD}); only read
 *     when the account is created; empty means one is generated into the data folder
 * @param tokenLifetime how long a login token is valid
 * @param lockout failed logins that lock an account, and for how long
 * @param passwordHistory how many recent passwords may not be used again
 * @param rateLimits requests per client and route group
 * @param maxBodySize largest request body accepted, except on {@code bodySizeExemptPaths}
 * @param bodySizeExemptPaths path prefixes that stream large bodies (update packages)
 * @param corsAllowedOrigins origins a browser may call the API from; empty: same origin only
 * @param sessionCacheSize token verdicts kept in memory, so not every request asks the database
 * @param publicBaseUrl how clients reach the appliance ({@code ARASUL_PUBLIC_BASE_URL}); links the
 *     appliance hands out (the {@code resource_metadata} of {@code WWW-Authenticate}, the protected
 *     resource's own name) are built from it, never from the request's {@code Host} header
 */
@Validated
@ConfigurationProperties("arasul.security")
record SecurityProperties(
        String adminPassword,
        @NotNull Duration tokenLifetime,
        @Valid @NotNull Lockout lockout,
        @Min(1) @Max(24) int passwordHistory,
        @Valid @NotNull RateLimits rateLimits,
        @NotNull DataSize maxBodySize,
        @NotNull List<String> bodySizeExemptPaths,
        @NotNull List<String> corsAllowedOrigins,
        @Min(100) @Max(1_000_000) int sessionCacheSize,
        java.net.URI publicBaseUrl) {

    SecurityProperties {
        tokenLifetime = tokenLifetime != null ? tokenLifetime : Duration.ofHours(24);
        lockout = lockout != null ? lockout : new Lockout(5, Duration.ofMinutes(15));
        passwordHistory = passwordHistory > 0 ? passwordHistory : 5;
        rateLimits = rateLimits != null ? rateLimits : new RateLimits(true, 0, null, null, null);
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(1);
        bodySizeExemptPaths = bodySizeExemptPaths != null ? List.copyOf(bodySizeExemptPaths)
                : List.of("/api/update/upload");
        corsAllowedOrigins = corsAllowedOrigins != null ? List.copyOf(corsAllowedOrigins) : List.of();
        sessionCacheSize = sessionCacheSize > 0 ? sessionCacheSize : 10_000;
        publicBaseUrl = publicBaseUrl != null ? publicBaseUrl : java.net.URI.create("http://localhost:8080");
    }

    /** The base URL without a trailing slash. */
    String baseUrl() {
        String base = publicBaseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isBlank();
    }

    @Override
    public String toString() {
        // the admin password must never reach a log, not even through a debug dump of the properties
        return "SecurityProperties[adminPassword=" + (hasAdminPassword() ? "<set>" : "<generate>")
                + ", tokenLifetime=" + tokenLifetime + ", lockout=" + lockout + ", rateLimits=" + rateLimits + "]";
    }

    /** @param maxFailures failed logins in a row that lock the account; @param duration how long */
    record Lockout(@Min(1) @Max(100) int maxFailures, @NotNull Duration duration) {

        Lockout {
            maxFailures = maxFailures > 0 ? maxFailures : 5;
            duration = duration != null ? duration : Duration.ofMinutes(15);
        }
    }

    /**
     * @param enabled switch for all limits
     * @param maxClients clients remembered per limit; the least recently seen is forgotten first
     * @param login {@code POST /api/auth/login}
     * @param metrics {@code /api/metrics/**}
     * @param api every other {@code /api/**} request
     */
    record RateLimits(@DefaultValue("true") boolean enabled, @Min(100) @Max(1_000_000) int maxClients, @Valid Limit login,
            @Valid Limit metrics, @Valid Limit api) {

        RateLimits {
            maxClients = maxClients > 0 ? maxClients : 10_000;
            login = Limit.orDefault(login, 5, Duration.ofMinutes(15));
            metrics = Limit.orDefault(metrics, 20, Duration.ofSeconds(1));
            api = Limit.orDefault(api, 100, Duration.ofMinutes(1));
        }
    }

    /** @param requests how many requests a client may make @param per within this period */
    record Limit(@Min(1) long requests, @NotNull Duration per) {

        /** Fills what was not configured, so that setting only {@code requests} keeps the period. */
        static Limit orDefault(Limit configured, long requests, Duration per) {
            if (configured == null) {
                return new Limit(requests, per);
            }
            return new Limit(configured.requests() > 0 ? configured.requests() : requests,
                    configured.per() != null ? configured.per() : per);
        }
    }
}

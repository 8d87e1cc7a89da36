package com.arasul.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys for integrations: 256 random bits behind {@code ara_}, kept only as their SHA-256. A key is
 * found by its prefix and its hash compared in constant time; a verified key is remembered in a
 * bounded cache until it is revoked, and its "last used" time is gathered in memory and written in
 * one batch every few seconds instead of once per request.
 */
@Component
class ApiKeys {

    static final String KEY_PREFIX = "ara_";
    /** {@code ara_} and 43 characters of URL-safe base64 (32 bytes). */
    static final int KEY_LENGTH = KEY_PREFIX.length() + 43;
    static final int SHOWN_PREFIX_LENGTH = KEY_PREFIX.length() + 8;

    record Created(long id, String name, List<String> scopes, String prefix, String key, Instant createdAt) {
    }

    record Listed(long id, String name, List<String> scopes, String prefix, Instant createdAt, Instant lastUsedAt) {
    }

    record Verified(long id, String name, Set<ApiKeyScope> scopes) {
    }

    /** Creation refused for a reason the caller can fix. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final JdbcClient jdbc;
    private final ApiKeyProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final BoundedMap<String, Verified> verified;
    /** key id → last use not yet written; at most one entry per unrevoked key. */
    private final Map<Long, Instant> pendingLastUse = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, ApiKeyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.verified = new BoundedMap<>(properties.maxKeys());
    }

    @Transactional
    Created create(String name, Set<ApiKeyScope> scopes) {
        // serialises concurrent creations so the count below cannot be raced past the limit
        jdbc.sql("LOCK TABLE api_keys IN SHARE ROW EXCLUSIVE MODE").update();
        long active = jdbc.sql("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL").query(Long.class).single();
        if (active >= properties.maxKeys()) {
            throw new Refused("at most " + properties.maxKeys() + " API keys may exist at once; revoke one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = key.substring(0, SHOWN_PREFIX_LENGTH);
        List<String> scopeNames = sorted(scopes);
        Instant createdAt = Instant.now();
        long id = jdbc.sql("""
                INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id""")
                .params(name, prefix, sha256(key), String.join(",", scopeNames), Timestamps.toDb(createdAt))
                .query(Long.class).single();
        return new Created(id, name, scopeNames, prefix, key, createdAt);
    }

    List<Listed> list() {
        return jdbc.sql("""
                SELECT id, name, scopes, prefix, created_at, last_used_at FROM api_keys
                WHERE revoked_at IS NULL ORDER BY id""")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Instant written = Timestamps.read(rs, "last_used_at");
                    Instant pending = pendingLastUse.get(id);
                    return new Listed(id, rs.getString("name"), Arrays.asList(rs.getString("scopes").split(",")),
                            rs.getString("prefix"), Timestamps.read(rs, "created_at"),
                            pending != null && (written == null || pending.isAfter(written)) ? pending : written);
                })
                .list();
    }

    /** Revokes a key; it fails on its very next request. Answers false when there was no such key. */
    boolean revoke(long id) {
        List<byte[]> hashes = jdbc.sql("""
                UPDATE api_keys SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL RETURNING key_hash""")
                .param(id).query(byte[].class).list();
        hashes.forEach(hash -> verified.remove(HexFormat.of().formatHex(hash)));
        pendingLastUse.remove(id);
        return !hashes.isEmpty();
    }

    /** The unrevoked key this text is, if any; counts as a use. */
    Optional<Verified> verify(String key) {
        if (key == null || key.length() != KEY_LENGTH || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = sha256(key);
        String cacheKey = HexFormat.of().formatHex(hash);
        Verified known = verified.get(cacheKey);
        if (known == null) {
            known = lookUp(key.substring(0, SHOWN_PREFIX_LENGTH), hash);
            if (known == null) {
                return Optional.empty();
            }
            verified.put(cacheKey, known);
        }
        pendingLastUse.put(known.id(), Instant.now());
        return Optional.of(known);
    }

    @Scheduled(initialDelayString = "${arasul.security.api-keys.last-used-flush:PT15S}",
            fixedDelayString = "${arasul.security.api-keys.last-used-flush:PT15S}")
    void writeLastUse() {
        for (Long id : List.copyOf(pendingLastUse.keySet())) {
            Instant at = pendingLastUse.remove(id);
            if (at == null) {
                continue;
            }
            try {
                jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                        .params(Timestamps.toDb(at), id, Timestamps.toDb(at)).update();
            } catch (DataAccessException e) {
                pendingLastUse.merge(id, at, (newer, older) -> newer.isAfter(older) ? newer : older);
                log.warn("Could not record when API keys were last used, will try again: {}", e.getMessage());
                return;
            }
        }
    }

    private Verified lookUp(String prefix, byte[] hash) {
        record Row(long id, String name, String scopes, byte[] hash) {
        }
        List<Row> candidates = jdbc.sql("SELECT id, name, scopes, key_hash FROM api_keys WHERE prefix = ? AND revoked_at IS NULL")
                .param(prefix)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("scopes"),
                        rs.getBytes("key_hash")))
                .list();
        for (Row row : candidates) {
            if (MessageDigest.isEqual(row.hash(), hash)) {
                Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
                Arrays.stream(row.scopes().split(",")).forEach(name -> ApiKeyScope.of(name).ifPresent(scopes::add));
                return new Verified(row.id(), row.name(), Set.copyOf(scopes));
            }
        }
        return null;
    }

    private static List<String> sorted(Set<ApiKeyScope> scopes) {
        return scopes.stream().sorted().map(ApiKeyScope::wireName).collect(Collectors.toList());
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

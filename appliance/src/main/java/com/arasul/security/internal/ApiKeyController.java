package com.arasul.security.internal;

import com.arasul.platform.ApiError;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for integrations: made, listed and revoked by the owner; a key itself can do none of it. */
@RestController
@RequestMapping("/api/auth/api-keys")
class ApiKeyController {

    record CreateRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(min = 1, max = 4) List<String> scopes) {
    }

    record CreatedKey(long id, String name, List<String> scopes, String prefix, String key,
            @JsonProperty("created_at") Instant createdAt, Instant timestamp) {
    }

    record KeyView(long id, String name, List<String> scopes, String prefix,
            @JsonProperty("created_at") Instant createdAt, @JsonProperty("last_used_at") Instant lastUsedAt) {
    }

    record KeyList(List<KeyView> keys, Instant timestamp) {
    }

    record Revoked(long id, @JsonProperty("revoked_at") Instant revokedAt, Instant timestamp) {
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an API key for an integration; the key is in this answer only, never again")
    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody CreateRequest create, HttpServletRequest request) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String name : create.scopes()) {
            Optional<ApiKeyScope> scope = ApiKeyScope.of(name);
            if (scope.isEmpty()) {
                return error(HttpStatus.BAD_REQUEST, "unknown scope '" + name + "'; scopes are "
                        + String.join(", ", ApiKeyScope.wireNames()), request);
            }
            scopes.add(scope.get());
        }
        try {
            ApiKeys.Created created = keys.create(create.name().strip(), scopes);
            return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedKey(created.id(), created.name(),
                    created.scopes(), created.prefix(), created.key(), created.createdAt(), Instant.now()));
        } catch (ApiKeys.Refused e) {
            return error(HttpStatus.CONFLICT, e.getMessage(), request);
        }
    }

    @Operation(summary = "List the API keys that are not revoked: name, prefix, scopes, created and last used")
    @GetMapping
    KeyList list() {
        return new KeyList(keys.list().stream().map(key -> new KeyView(key.id(), key.name(), key.scopes(),
                key.prefix(), key.createdAt(), key.lastUsedAt())).toList(), Instant.now());
    }

    @Operation(summary = "Revoke an API key; its next request is refused")
    @DeleteMapping("/{id}")
    ResponseEntity<?> revoke(@PathVariable long id, HttpServletRequest request) {
        if (!keys.revoke(id)) {
            return error(HttpStatus.NOT_FOUND, "there is no API key " + id + " (or it was revoked already)", request);
        }
        Instant now = Instant.now();
        return ResponseEntity.ok(new Revoked(id, now, now));
    }

    private static ResponseEntity<?> error(HttpStatus status, String message, HttpServletRequest request) {
        return ResponseEntity.status(status).body(ApiError.of(status, message, request.getRequestURI()));
    }
}

package com.arasul.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may try a password now. Failures count per account <em>and</em> client address: five in a row
 * from one address lock that address out of that account (15 minutes, doubling with every further
 * lock of the same address up to a day, and tries while locked are refused unread, so one address
 * cannot keep guessing at a steady rate forever); the owner at another address is not affected.
 * Failures across all addresses slow every address down: from the fifth one in a row each address
 * may try that account only once per 1, 2, 4 … seconds, never more than a minute apart, so the right
 * password is never refused for longer than a minute. Held in memory, bounded: a restart forgets.
 */
final class LoginThrottle {

    static final Duration MAX_SHARED_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_ADDRESS_LOCK = Duration.ofDays(1);

    private static final class Address {
        int failures;
        int locks;
        Instant lockedUntil = Instant.MIN;
        Instant lastTry = Instant.MIN;
    }

    private final BoundedMap<String, Address> addresses;
    private final SecurityProperties.Lockout lockout;
    private final Clock clock;

    LoginThrottle(SecurityProperties.Lockout lockout, int capacity, Clock clock) {
        this.lockout = lockout;
        this.addresses = new BoundedMap<>(capacity);
        this.clock = clock;
    }

    /**
     * When this address may try this account again, or empty when it may now.
     *
     * @param accountFailures failures in a row of the account from every address
     */
    Optional<Instant> refusedUntil(String username, String address, int accountFailures) {
        Address state = addresses.get(key(username, address));
        if (state == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (state) {
            if (state.lockedUntil.isAfter(now)) {
                return Optional.of(state.lockedUntil);
            }
            Instant next = state.lastTry.plus(sharedDelay(accountFailures));
            return next.isAfter(now) ? Optional.of(next) : Optional.empty();
        }
    }

    /** Counts a wrong password from this address; answers until when the address is locked out now, if it is. */
    Optional<Instant> failed(String username, String address) {
        Address state = addresses.computeIfAbsent(key(username, address), key -> new Address());
        Instant now = clock.instant();
        synchronized (state) {
            state.lastTry = now;
            state.failures++;
            if (state.failures < lockout.maxFailures()) {
                return Optional.empty();
            }
            Duration lock = lockout.duration().multipliedBy(1L << Math.min(state.locks, 16));
            state.lockedUntil = now.plus(lock.compareTo(MAX_ADDRESS_LOCK) > 0 ? MAX_ADDRESS_LOCK : lock);
            state.locks++;
            state.failures = 0;
            return Optional.of(state.lockedUntil);
        }
    }

    /** The right password from this address: it starts afresh. */
    void succeeded(String username, String address) {
        addresses.remove(key(username, address));
    }

    /** Forgets every address's failures at this account. */
    void forget(String username) {
        addresses.removeIf(key -> key.startsWith(username + "|"));
    }

    /** How long each address waits between tries once the account has this many failures in a row. */
    Duration sharedDelay(int accountFailures) {
        if (accountFailures < lockout.maxFailures()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(accountFailures - lockout.maxFailures(), 6);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_SHARED_DELAY) > 0 ? MAX_SHARED_DELAY : delay;
    }

    private static String key(String username, String address) {
        return username + "|" + address;
    }
}

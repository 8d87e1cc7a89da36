package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties.Lockout(5, Duration.ofMinutes(15)), 100, clock);

    @Test
    void fiveFailuresLockOnlyThatAddress() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("admin", "10.0.0.66")).isEmpty();
        }

        assertThat(throttle.failed("admin", "10.0.0.66")).contains(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(throttle.refusedUntil("admin", "10.0.0.66", 5)).isPresent();
        assertThat(throttle.refusedUntil("admin", "192.168.1.10", 5)).as("the owner's first try elsewhere").isEmpty();
    }

    @Test
    void everyFurtherLockOfTheSameAddressLastsTwiceAsLongUpToADay() {
        Duration previous = Duration.ZERO;
        for (int lock = 0; lock < 10; lock++) {
            Instant until = lockOut("10.0.0.66");
            Duration length = Duration.between(clock.instant(), until);
            assertThat(length).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(LoginThrottle.MAX_ADDRESS_LOCK);
            previous = length;
            clock.advance(length.plusSeconds(61));
        }
        assertThat(previous).isEqualTo(LoginThrottle.MAX_ADDRESS_LOCK);
    }

    @Test
    void triesWhileLockedDoNotRenewTheLock() {
        Instant until = lockOut("10.0.0.66");
        clock.advance(Duration.ofMinutes(14));

        assertThat(throttle.refusedUntil("admin", "10.0.0.66", 5)).contains(until);
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refusedUntil("admin", "10.0.0.66", 0)).isEmpty();
    }

    @Test
    void failuresAcrossAddressesSlowEveryAddressWithGrowingDelaysOfAtMostAMinute() {
        assertThat(throttle.sharedDelay(4)).isZero();
        assertThat(throttle.sharedDelay(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.sharedDelay(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.sharedDelay(8)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.sharedDelay(1_000_000)).isEqualTo(LoginThrottle.MAX_SHARED_DELAY);

        throttle.failed("admin", "192.168.1.10"); // the owner mistyped once, while others guess
        assertThat(throttle.refusedUntil("admin", "192.168.1.10", 1_000)).contains(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.refusedUntil("admin", "192.168.1.10", 1_000)).as("never more than a minute").isEmpty();
    }

    @Test
    void theRightPasswordStartsTheAddressAfresh() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.66");
        }
        throttle.succeeded("admin", "10.0.0.66");

        assertThat(throttle.failed("admin", "10.0.0.66")).isEmpty();
    }

    private Instant lockOut(String address) {
        Instant until = null;
        for (int i = 0; i < 5; i++) {
            until = throttle.failed("admin", address).orElse(null);
        }
        return until;
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxySessionsTests {

    private final Set<String> openSessions = new HashSet<>(Set.of("jti-1"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final ProxySessions proxySessions = new ProxySessions(openSessions::contains, clock);

    @Test
    void acceptsAReferenceItIssuedAndNothingElse() {
        ProxySessions.Issued issued = proxySessions.open("jti-1", clock.instant().plus(Duration.ofHours(24)));

        assertThat(proxySessions.valid(issued.value())).isTrue();
        assertThat(proxySessions.valid(issued.value() + "x")).isFalse();
        assertThat(proxySessions.valid(null)).isFalse();
        assertThat(issued.value()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void neverOutlivesItsSessionOrTheLifetime() {
        Instant sessionEnd = clock.instant().plus(Duration.ofHours(1));
        ProxySessions.Issued short_ = proxySessions.open("jti-1", sessionEnd);
        ProxySessions.Issued long_ = proxySessions.open("jti-1", clock.instant().plus(Duration.ofDays(3)));

        assertThat(short_.expiresAt()).isEqualTo(sessionEnd);
        assertThat(long_.expiresAt()).isEqualTo(clock.instant().plus(ProxySessions.LIFETIME));
        clock.advance(Duration.ofHours(1));
        assertThat(proxySessions.valid(short_.value())).isFalse();
    }

    @Test
    void stopsWorkingWithinTheRecheckIntervalAfterTheSessionEnds() {
        ProxySessions.Issued issued = proxySessions.open("jti-1", clock.instant().plus(Duration.ofHours(24)));
        openSessions.clear();

        assertThat(proxySessions.valid(issued.value())).as("still within the recheck interval").isTrue();
        clock.advance(ProxySessions.RECHECK);
        assertThat(proxySessions.valid(issued.value())).isFalse();
        openSessions.add("jti-1");
        assertThat(proxySessions.valid(issued.value())).as("forgotten once refused").isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

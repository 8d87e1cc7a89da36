package com.arasul.healing;

import com.arasul.healing.Decision.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The limits no rule can lift. Every {@link ActionRequest} passes here before anything runs:
 * <ul>
 * <li>a service's restarts back off exponentially (10 s doubling to 5 min, Kubernetes'
 *     CrashLoopBackOff) and start over once it needed no restart for 10 minutes;</li>
 * <li>at most 10 restarts of a service in 30 minutes; then it "needs attention", further restarts
 *     are refused while escalation (C, D) goes on;</li>
 * <li>every other action type has a cool-down per service (or host);</li>
 * <li>a reboot needs the reboot switch and happens at most twice an hour.</li>
 * </ul>
 * This is what makes the old escalation loop (A escalates to C, C restarts everything, the restarts
 * look like new failures, C again, then D) impossible: whatever the rules ask, restarts are bounded
 * per service, C's steps by their cool-downs, and reboots by the switch and the hourly cap; a
 * refused action runs nothing and so reports no result that could look like a new failure.
 * In observe mode it decides and keeps its books exactly as in act mode, but nothing runs.
 */
public final class SafetyFloor {

    private static final Set<ActionType> RESTARTS = Set.of(ActionType.RESTART_SERVICE, ActionType.STOP_START_SERVICE);

    private final HealingProperties limits;
    private final Clock clock;
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final Map<String, Instant> lastRun = new HashMap<>();
    private final Deque<Instant> reboots = new ArrayDeque<>();

    public SafetyFloor(HealingProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public HealingMode mode() {
        return limits.mode();
    }

    public synchronized Decision decide(ActionRequest request) {
        Instant now = clock.instant();
        if (limits.mode() == HealingMode.OFF) {
            return new Decision(Outcome.SUPPRESSED, request, "Healing is switched off.", now);
        }
        String refusal = switch (request.type()) {
            case NOTIFY -> null;
            case REBOOT_HOST -> rebootRefusal(now);
            case RESTART_SERVICE, STOP_START_SERVICE -> restartRefusal(request, now);
            default -> cooldownRefusal(request, now);
        };
        if (refusal != null) {
            return new Decision(Outcome.SUPPRESSED, request, refusal, now);
        }
        if (limits.mode() == HealingMode.OBSERVE) {
            return new Decision(Outcome.OBSERVED, request, "Observe mode: this would have run. " + request.reason(), now);
        }
        return new Decision(Outcome.RUN, request, request.reason(), now);
    }

    /** Services that used up their restarts; they are not restarted again until the window clears. */
    public synchronized Set<String> needsAttention() {
        Instant now = clock.instant();
        Set<String> services = new TreeSet<>();
        backoffs.forEach((service, b) -> {
            b.forget(now.minus(limits.restartWindow()));
            if (b.restarts.size() >= limits.maxRestarts()) {
                services.add(service);
            }
        });
        return services;
    }

    /** The pause the next restart of a service has to wait for, zero when it may restart now. */
    public synchronized Duration backoffRemaining(String service) {
        Backoff b = backoffs.get(service);
        if (b == null || b.nextAllowed == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), b.nextAllowed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private String restartRefusal(ActionRequest request, Instant now) {
        String service = request.service() == null ? "" : request.service();
        Backoff b = backoffs.computeIfAbsent(service, s -> new Backoff());
        b.forget(now.minus(limits.restartWindow()));
        if (b.lastRestart != null && !now.isBefore(b.lastRestart.plus(limits.restartBackoffReset()))) {
            b.delay = null; // it ran for long enough without needing one: start over
            b.nextAllowed = null;
        }
        if (b.restarts.size() >= limits.maxRestarts()) {
            return service + " was restarted " + b.restarts.size() + " times in "
                    + minutes(limits.restartWindow()) + " and needs attention; not restarting it again for now.";
        }
        if (b.nextAllowed != null && now.isBefore(b.nextAllowed)) {
            return service + " is backing off after its last restart; the next one is allowed in "
                    + Duration.between(now, b.nextAllowed).toSeconds() + " s.";
        }
        b.delay = b.delay == null ? limits.restartBackoffInitial() : min(b.delay.multipliedBy(2), limits.restartBackoffMax());
        b.lastRestart = now;
        b.nextAllowed = now.plus(b.delay);
        b.restarts.addLast(now);
        return null;
    }

    private String cooldownRefusal(ActionRequest request, Instant now) {
        String key = request.type() + "/" + (request.service() == null ? "" : request.service());
        Duration cooldown = limits.cooldown(request.type());
        Instant last = lastRun.get(key);
        if (last != null && now.isBefore(last.plus(cooldown))) {
            return request.type() + " ran " + Duration.between(last, now).toSeconds() + " s ago; it waits "
                    + minutes(cooldown) + " between runs.";
        }
        lastRun.put(key, now);
        return null;
    }

    private String rebootRefusal(Instant now) {
        if (!limits.rebootEnabled()) {
            return "Reboots are switched off (ARASUL_REBOOT_ENABLED is not true); the owner has to reboot the box.";
        }
        while (!reboots.isEmpty() && !reboots.peekFirst().isAfter(now.minus(Duration.ofHours(1)))) {
            reboots.pollFirst();
        }
        if (reboots.size() >= limits.maxRebootsPerHour()) {
            return "The box was already rebooted " + reboots.size() + " times in the last hour; not again.";
        }
        reboots.addLast(now);
        return null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String minutes(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static final class Backoff {
        private final Deque<Instant> restarts = new ArrayDeque<>();
        private Duration delay;
        private Instant lastRestart;
        private Instant nextAllowed;

        void forget(Instant before) {
            while (!restarts.isEmpty() && restarts.peekFirst().isBefore(before)) {
                restarts.pollFirst();
            }
        }
    }
}

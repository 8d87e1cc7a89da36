package com.arasul.healing;

import com.arasul.healing.facts.HostMetrics;
import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import com.arasul.rules.RuleSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many metric samples a second the shipped healing rules take on the real clock, as in
 * production: one producer thread submits samples into the session's bounded queue as fast as it
 * accepts them; the session thread inserts and fires. Also times the first build and rebuilds of
 * the healing rule set. See docs/benchmarks.md ("Healing rules: throughput") for the command and the figures.
 * <p>
 * Arguments (all optional): warm-up seconds, seconds per round, rounds.
 */
public final class RuleSessionBenchmark {

    private RuleSessionBenchmark() {
    }

    public static void main(String[] args) {
        Duration warmUp = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 15);
        Duration round = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Path.of(System.getProperty("arasul.rules.root", "../rules"));
        boolean coalesce = !Boolean.getBoolean("benchmark.noCoalescing");
        System.out.printf("cores available: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        RuleCompiler compiler = new RuleCompiler(Clock.systemUTC());
        long start = System.nanoTime();
        RuleBuild build = compiler.compile(root, "healing");
        System.out.printf("first build of the healing rules: %d ms (%d files, ok=%s)%n", millis(start),
                build.files().size(), build.ok());
        List<Long> rebuilds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            compiler.compile(root, "healing");
            rebuilds.add(millis(t));
        }
        Collections.sort(rebuilds);
        System.out.printf("rebuild of the healing rules: median %d ms, min %d ms, max %d ms (10 rebuilds)%n",
                rebuilds.get(5), rebuilds.getFirst(), rebuilds.getLast());

        LongAdder actions = new LongAdder();
        try (RuleSession session = RuleSession.builder("benchmark").fact(HealingThresholds.defaults())
                .emit(ActionRequest.class, r -> actions.increment())
                .whenSilent(HostMetrics.class, ShippedHealingRules.TELEMETRY_SILENCE, ShippedHealingRules::telemetrySilent)
                .coalesce(coalesce ? HostMetrics.class : Void.class)
                .start(build.kieBase())) {
            double rate = push(session, warmUp);
            System.out.printf("warm-up %d s: %.0f samples/s%n", warmUp.toSeconds(), rate);
            List<Double> rates = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                rate = push(session, round);
                rates.add(rate);
                System.out.printf("round %d (%d s): %.0f samples/s, %d facts in memory, %d coalesced, %d refused by the full queue%n",
                        i, round.toSeconds(), rate, session.call(s -> s.getFactCount()).join(), session.coalesced(),
                        session.rejected());
            }
            Collections.sort(rates);
            System.out.printf("RESULT median %.0f samples/s over %d rounds (coalescing %s); actions asked for: %d; rule failures: %d%n",
                    rates.get(rates.size() / 2), rounds, coalesce ? "on" : "off", actions.sum(), session.failures());
        }
    }

    /** Submits healthy samples stamped with the wall clock for {@code duration}; samples taken in per second. */
    private static double push(RuleSession session, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            double wobble = (i++ % 100) / 10.0;
            HostMetrics sample = new HostMetrics(System.currentTimeMillis(), 20 + wobble, 40 + wobble, 10 + wobble,
                    20.0, 50 + wobble, 40.0, "/");
            if (session.submit(sample)) {
                sent++;
            } else {
                // the queue is full: let the session thread have the core instead of spinning on it
                java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            }
        }
        // counts only once the session has worked off everything; a GC pause may keep the queue full for long
        while (session.call(s -> null).handle((v, e) -> e == null).join() == Boolean.FALSE) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        return sent / ((System.nanoTime() - start) / 1e9);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package com.arasul.e2e.bench;

import com.arasul.e2e.ApplianceProcess;
import com.arasul.e2e.ApplianceProcess.Readiness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The appliance's own benchmark (issue 2): the packaged jar started as a separate process on a fresh
 * data folder, then start time, memory, idle CPU, live-metrics latency and the 7-day history query.
 * Traffic goes to 127.0.0.1 only; every phase is bounded in count and time. Run it through
 * {@code scripts/arasul bench}.
 */
public final class ApplianceBenchmark {

    private static final String PASSWORD = "Bench-Only-Passw0rd!";
    private static final String LATENCY_TARGET = "p99 ≤ 10 ms";

    private final BenchmarkOptions options;
    private final BenchmarkReport report = new BenchmarkReport();

    private ApplianceBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.print((e.getMessage().isEmpty() ? "" : e.getMessage() + "\n") + BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        new ApplianceBenchmark(options).run();
    }

    private void run() throws Exception {
        report.context("run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + Runtime.getRuntime()
                .availableProcessors() + " cores, Java " + Runtime.version() + ", load average before: "
                + ProcessProbe.loadAverage());
        report.context("JVM options: `" + (options.javaOptions().isEmpty() ? "(none)"
                : String.join(" ", options.javaOptions())) + "`");
        Path work = Files.createTempDirectory("arasul-bench-");
        long began = System.nanoTime();
        try {
            try (ApplianceProcess appliance = start(work, "first start on an empty data folder (unpacking and "
                    + "initdb of the embedded PostgreSQL, all migrations)")) {
                measureMemory(appliance, "after start");
                // the first seconds after start are JIT compilation and pool warm-up, not idling
                TimeUnit.SECONDS.sleep(options.settleSeconds());
                measureIdleCpu(appliance, "from " + options.settleSeconds() + " s after start");
                measureMemory(appliance, "after the idle period");
                measureApi(appliance);
                // the box idles for years, long after the JIT has compiled what start and the API runs used
                TimeUnit.SECONDS.sleep(options.settleSeconds());
                measureIdleCpu(appliance, format("again, from %d s after start, after the API runs",
                        (System.nanoTime() - began) / 1_000_000_000L));
                measureMemory(appliance, "at the end");
                terminate(appliance, "SIGTERM → exit");
            }
            // what the box does at every power-on: the same data folder again
            try (ApplianceProcess appliance = start(work, "restart on the same data folder")) {
                terminate(appliance, "SIGTERM → exit, after the restart");
            }
        } finally {
            deleteQuietly(work);
        }
        report.context("load average after: " + ProcessProbe.loadAverage());
        System.out.println(report.markdown());
        if (options.write() != null) {
            report.writeInto(options.write());
            System.out.println("written into " + options.write());
        }
    }

    private ApplianceProcess start(Path work, String what) throws InterruptedException {
        long started = System.nanoTime();
        ApplianceProcess appliance = ApplianceProcess.start(options.jar(), options.javaOptions(),
                Map.of("ARASUL_ADMIN_PASSWORD", PASSWORD,
                        // the run measures the handler, not the limiter: 200/s from one client is over the 20/s default
                        "ARASUL_SECURITY_RATELIMITS_METRICS_REQUESTS", "1000000"), work);
        Readiness readiness = appliance.awaitReady(Duration.ofSeconds(options.startTimeoutSeconds()));
        double seconds = (System.nanoTime() - started) / 1e9;
        report.figure((readiness == Readiness.HEALTHY ? "start → /api/health 200"
                : "start → \"Started ArasulApplication\" (no /api/health in this build)") + ", " + what,
                format("%.1f s", seconds), "≤ 10 s");
        return appliance;
    }

    private void terminate(ApplianceProcess appliance, String figure) throws InterruptedException {
        long stopping = System.nanoTime();
        int exit = appliance.terminate(Duration.ofSeconds(10));
        report.figure(figure, exit < 0 ? "still running after 10 s"
                : format("%.1f s (exit %d)", (System.nanoTime() - stopping) / 1e9, exit), "≤ 10 s");
    }

    private void measureMemory(ApplianceProcess appliance, String when) {
        long rss = ProcessProbe.statusKib(appliance.pid(), "VmRSS");
        long anon = ProcessProbe.statusKib(appliance.pid(), "RssAnon");
        report.figure("JVM RSS " + when, format("%d MiB (anonymous %d MiB)", rss / 1024, anon / 1024), "≤ 256 MiB");
        appliance.embeddedDatabase().ifPresent(postmaster -> {
            long pss = ProcessProbe.pssKib(postmaster.pid()) + postmaster.children()
                    .mapToLong(child -> Math.max(0, ProcessProbe.pssKib(child.pid()))).sum();
            report.figure("embedded PostgreSQL PSS " + when, format("%d MiB", pss / 1024), "");
        });
    }

    private void measureIdleCpu(ApplianceProcess appliance, String when) throws InterruptedException {
        ProcessProbe jvm = new ProcessProbe(appliance.pid());
        List<Double> perSecond = new ArrayList<>();
        Map<String, Double> threadsBefore = jvm.threadCpuSeconds();
        double first = jvm.cpuSeconds();
        double previous = first;
        long begin = System.nanoTime();
        long last = begin;
        for (int i = 1; i <= options.idleSeconds(); i++) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, begin + TimeUnit.SECONDS.toNanos(i) - System.nanoTime()));
            long now = System.nanoTime();
            double cpu = jvm.cpuSeconds();
            perSecond.add(100 * (cpu - previous) / ((now - last) / 1e9));
            previous = cpu;
            last = now;
        }
        double average = 100 * (previous - first) / ((last - begin) / 1e9);
        double max = perSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        report.figure("idle CPU of the JVM over " + options.idleSeconds() + " s (1 s samples, " + when + ")",
                format("%.2f %% of one core (busiest second %.1f %%)", average, max), "≤ 1 %");
        double seconds = (last - begin) / 1e9;
        Map<String, Double> threadsAfter = jvm.threadCpuSeconds();
        String busiest = threadsAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(6)
                .map(e -> format("%s %.2f %%", e.getKey(), 100 * e.getValue() / seconds))
                .collect(java.util.stream.Collectors.joining(", "));
        report.figure("the same idle period by thread (the busiest)", busiest.isEmpty() ? "none" : busiest, "");
    }

    private void measureApi(ApplianceProcess appliance) throws Exception {
        try (ApiClient api = new ApiClient(appliance::uri)) {
            try {
                api.login(PASSWORD);
                api.getOk("/api/metrics/live");
            } catch (ApiClient.EndpointMissing e) {
                report.notMeasured("/api/metrics/live at " + options.rate() + "/s", e.getMessage(), LATENCY_TARGET);
                report.notMeasured("7-day history query", e.getMessage(), "");
                return;
            }
            // the first second at the paced rate: what a client meets right after the start, cold JIT
            LatencyRun.Result cold = LatencyRun.run(api, "/api/metrics/live", options.rate(), options.rate());
            report.figure("/api/metrics/live, the first " + cold.count() + " GETs at " + cold.rate() + "/s (cold)",
                    latencies(cold), "");
            if (options.warmupRequests() > 0) {
                LatencyRun.Result warmup = LatencyRun.back(api, "/api/metrics/live", options.warmupRequests());
                report.figure("/api/metrics/live, " + warmup.count() + " GETs one after another (warm-up)",
                        format("%d answered per second; each p50 %.2f ms, p99 %.2f ms; answers %s", warmup.rate(),
                                warmup.p50Millis(), warmup.p99Millis(), warmup.statuses()), "");
            }
            LatencyRun.Result live = LatencyRun.run(api, "/api/metrics/live", options.requests(), options.rate());
            report.figure("/api/metrics/live, " + live.count() + " GETs at " + live.rate() + "/s"
                    + (options.warmupRequests() > 0 ? ", after the warm-up" : ""), latencies(live), LATENCY_TARGET);
            measureHistory(api, appliance);
        }
    }

    private static String latencies(LatencyRun.Result run) {
        return format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (from when each was due); answers %s", run.p50Millis(),
                run.p99Millis(), run.maxMillis(), run.statuses());
    }

    private void measureHistory(ApiClient api, ApplianceProcess appliance) throws Exception {
        long rows;
        try {
            rows = HistorySeeder.seedSevenDays(HistorySeeder.embeddedUrl(appliance.dataDir()), "postgres",
                    HistorySeeder.embeddedPassword(appliance.dataDir()));
        } catch (java.io.IOException | java.sql.SQLException e) {
            report.notMeasured("7-day history query", "seeding the rows failed: " + e.getMessage(), "");
            return;
        }
        try {
            api.getOk("/api/metrics/history?range=7d");
        } catch (ApiClient.EndpointMissing e) {
            report.notMeasured("7-day history query", e.getMessage(), "");
            return;
        }
        double[] millis = new double[options.historyRuns()];
        for (int i = 0; i < millis.length; i++) {
            long begin = System.nanoTime();
            api.getOk("/api/metrics/history?range=7d");
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        report.figure("GET /api/metrics/history?range=7d over " + rows + " rows",
                format("median %.1f ms, max %.1f ms (%d runs)", millis[millis.length / 2], millis[millis.length - 1],
                        millis.length), "");
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not remove " + folder + ": " + e.getMessage());
        }
    }
}

package com.arasul.e2e.bench;

import com.arasul.e2e.ApplianceJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link ApplianceBenchmark}; every figure's effort is bounded by one of these. */
record BenchmarkOptions(
        Path jar,
        List<String> javaOptions,
        int settleSeconds,
        int idleSeconds,
        int rate,
        int requests,
        int warmupRequests,
        int historyRuns,
        int startTimeoutSeconds,
        Path write) {

    static final String USAGE = """
            usage: ApplianceBenchmark [options]
              --jar PATH                 the appliance jar (default appliance/target/arasul-appliance.jar)
              --java-opts "OPTS"         JVM options for the appliance (default none)
              --settle-seconds N         wait after start before idle CPU is sampled (default 10)
              --idle-seconds N           how long idle CPU is sampled, once a second (default 60)
              --rate N                   requests per second against /api/metrics/live (default 200)
              --requests N               how many of them (default 2000)
              --warmup-requests N        sent one after another before them, as fast as they are answered (default 5000)
              --history-runs N           timed 7-day history queries (default 10)
              --start-timeout-seconds N  how long the appliance may take to get healthy (default 180)
              --write FILE               also write the figures into FILE (e.g. docs/benchmarks.md)
            """;

    static BenchmarkOptions parse(String... args) {
        Path jar = ApplianceJar.locate();
        List<String> javaOptions = List.of();
        int settle = 10;
        int idle = 60;
        int rate = 200;
        int requests = 2000;
        int warmup = 5000;
        int historyRuns = 10;
        int startTimeout = 180;
        Path write = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--jar" -> jar = Path.of(value);
                case "--java-opts" -> javaOptions = split(value);
                case "--settle-seconds" -> settle = atLeast(0, name, value);
                case "--idle-seconds" -> idle = atLeast(1, name, value);
                case "--rate" -> rate = atLeast(1, name, value);
                case "--requests" -> requests = atLeast(1, name, value);
                case "--warmup-requests" -> warmup = atLeast(0, name, value);
                case "--history-runs" -> historyRuns = atLeast(1, name, value);
                case "--start-timeout-seconds" -> startTimeout = atLeast(1, name, value);
                case "--write" -> write = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchmarkOptions(jar, javaOptions, settle, idle, rate, requests, warmup, historyRuns, startTimeout, write);
    }

    private static List<String> split(String options) {
        return new ArrayList<>(Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }

    private static int atLeast(int minimum, String name, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number ≥ " + minimum + ", not '" + value + "'");
    }
}

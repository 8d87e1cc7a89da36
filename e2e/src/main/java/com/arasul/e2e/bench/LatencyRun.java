package com.arasul.e2e.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A fixed number of GETs at a fixed rate from one thread. Latency is counted from the moment each
 * request was due, not when it was sent, so a slow answer that delays the next ones is not hidden
 * (coordinated omission); a run can never take longer than {@code count / rate} plus the timeouts.
 */
final class LatencyRun {

    record Result(String path, int count, int rate, Histogram ok, Map<Integer, Integer> statuses, Duration took) {

        double p50Millis() {
            return ok.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return ok.getValueAtPercentile(99) / 1000.0;
        }

        double maxMillis() {
            return ok.getMaxValue() / 1000.0;
        }
    }

    private LatencyRun() {
    }

    /**
     * {@code count} GETs one after another, each sent when the last was answered: how many one
     * client gets served per second, and the JIT's warm-up before a paced run.
     */
    static Result back(ApiClient api, String path, int count) throws InterruptedException {
        Histogram ok = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            int status = status(api, path);
            statuses.merge(status, 1, Integer::sum);
            if (status == 200) {
                ok.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent),
                        ok.getHighestTrackableValue()));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int perSecond = (int) Math.round(count / Math.max(took.toNanos() / 1e9, 1e-9));
        return new Result(path, count, perSecond, ok, statuses, took);
    }

    private static int status(ApiClient api, String path) throws InterruptedException {
        try {
            return api.get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static Result run(ApiClient api, String path, int count, int rate) throws InterruptedException {
        Histogram ok = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int status = status(api, path);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
            statuses.merge(status, 1, Integer::sum);
            if (status == 200) {
                ok.recordValue(Math.min(micros, ok.getHighestTrackableValue()));
            }
        }
        return new Result(path, count, rate, ok, statuses, Duration.ofNanos(System.nanoTime() - start));
    }
}

package com.arasul.e2e.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
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
            int status;
            try {
                HttpResponse<String> response = api.get(path);
                status = response.statusCode();
            } catch (IOException e) {
                status = -1;
            }
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - due);
            statuses.merge(status, 1, Integer::sum);
            if (status == 200) {
                ok.recordValue(Math.min(micros, ok.getHighestTrackableValue()));
            }
        }
        return new Result(path, count, rate, ok, statuses, Duration.ofNanos(System.nanoTime() - start));
    }
}

package com.arasul.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ai.StandInOllama.Script;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test (no *Tests name, so the build never runs it): the gateway's overhead and the local
 * embeddings' speed, printed to the console and target/ai-benchmark.md. Run it on a quiet machine with
 * {@code mvn -B -q -o -pl appliance -am verify -Dtest=AiGatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The overhead is measured pairwise: each chat through the appliance right after one straight to the
 * stand-in, so the difference of each pair is what the appliance added under the same load; its p99
 * is the figure the goal (at most {@value #GOAL_ADDED_P99_MILLIS} ms added) is judged by.
 */
@AiApplianceTest
// the key's own limit (20/s by default) would answer 429 to a tight loop and time the refusal instead
@TestPropertySource(properties = "arasul.security.api-keys.rate-limit.requests=1000000")
class AiGatewayBenchmark extends AiApiTestSupport {

    private static final int RUNS = 1000;
    private static final int WARM_UP = 200;
    private static final double GOAL_ADDED_P99_MILLIS = 5.0;

    @Test
    void measure() throws Exception {
        ollama.reset();
        ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "The", " sky", " is", " blue", ".")));
        String key = key("llm", "embeddings");
        StringBuilder report = new StringBuilder("| what | p50 | p99 |\n|---|---|---|\n");

        String body = JSON.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", "Hi"))));
        List<long[]> direct = new ArrayList<>();
        List<long[]> gateway = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            // alternate, so both see the same machine load
            long[] d = timed(HttpRequest.newBuilder(ollama.url().resolve("/api/chat")), body);
            long[] g = timed(HttpRequest.newBuilder(URI.create(base() + "/api/llm/chat")).header("Authorization", "Bearer " + key), body);
            if (i >= WARM_UP) {
                direct.add(d);
                gateway.add(g);
            }
        }
        row(report, "first chunk, stand-in directly", direct, 0);
        row(report, "first chunk, through the appliance", gateway, 0);
        row(report, "whole answer, stand-in directly", direct, 1);
        row(report, "whole answer, through the appliance", gateway, 1);
        List<long[]> added = new ArrayList<>();
        for (int i = 0; i < gateway.size(); i++) {
            added.add(new long[] {gateway.get(i)[0] - direct.get(i)[0], gateway.get(i)[1] - direct.get(i)[1]});
        }
        row(report, "**added by the appliance, first chunk** (pairwise)", added, 0);
        row(report, "**added by the appliance, whole answer** (pairwise)", added, 1);
        double firstP99 = percentile(added, 0, 99) / 1e6;
        double endP99 = percentile(added, 1, 99) / 1e6;
        String verdict = "gateway goal (<= " + GOAL_ADDED_P99_MILLIS + " ms added at p99, to the first chunk and to the end): "
                + (Math.max(firstP99, endP99) <= GOAL_ADDED_P99_MILLIS ? "met" : "NOT met")
                + String.format(java.util.Locale.ROOT, " (%.2f ms and %.2f ms; ", firstP99, endP99)
                + "load average at the end of the chats " + loadAverage() + ")\n";

        long rssBefore = rssKb();
        long loadStart = System.nanoTime();
        assertThat(send("POST", "/api/embeddings", key, Map.of("input", "warm up")).statusCode()).isEqualTo(200);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long rssAfter = rssKb();
        List<Long> single = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            assertThat(send("POST", "/api/embeddings", key, Map.of("input", "The appliance embeds sentence number " + i
                    + ".")).statusCode()).isEqualTo(200);
            if (i >= WARM_UP) {
                single.add(System.nanoTime() - start);
            }
        }
        Collections.sort(single);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            batch.add("Sentence " + i + " of a batch of thirty-two, about the weather on the box.");
        }
        int batches = 10;
        long batchStart = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            assertThat(send("POST", "/api/embeddings", key, Map.of("input", batch)).statusCode()).isEqualTo(200);
        }
        double perSecond = batches * 32 / ((System.nanoTime() - batchStart) / 1e9);
        report.append("| local embedding, one sentence through the appliance | ").append(ms(single.get(single.size() / 2)))
                .append(" | p95 ").append(ms(single.get(single.size() * 95 / 100))).append(" |\n");
        report.append("\nlocal embeddings: first request (model load) ").append(loadMillis).append(" ms; batches of 32: ")
                .append(String.format("%.0f", perSecond)).append(" sentences/s; RSS of the test JVM ")
                .append(rssBefore / 1024).append(" MiB before the first use, ").append(rssAfter / 1024).append(" MiB after (+")
                .append((rssAfter - rssBefore) / 1024).append(" MiB)\n");
        report.append(verdict);
        report.append("smoke: LLM answer through the appliance (stand-in) p99 ")
                .append(ms(percentile(gateway, 1, 99))).append(", embedding p95 ").append(ms(single.get(single.size() * 95 / 100)))
                .append("\n");
        System.out.println(report);
        Files.writeString(Path.of("target", "ai-benchmark.md"), report);
    }

    private long[] timed(HttpRequest.Builder request, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request.header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        // a refusal is quick; timing one would flatter the figures
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        long first = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (first == 0 && !line.isBlank()) {
                    first = System.nanoTime() - start;
                }
            }
        }
        return new long[] {first, System.nanoTime() - start};
    }

    private static void row(StringBuilder report, String what, List<long[]> runs, int index) {
        report.append("| ").append(what).append(" | ").append(ms(percentile(runs, index, 50))).append(" | ")
                .append(ms(percentile(runs, index, 99))).append(" |\n");
    }

    private static long percentile(List<long[]> runs, int index, int p) {
        List<Long> values = new ArrayList<>(runs.stream().map(r -> r[index]).toList());
        Collections.sort(values);
        return values.get(Math.min(values.size() - 1, values.size() * p / 100));
    }

    private static String ms(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static long rssKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }
}

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

/**
 * Not a test (no *Tests name, so the build never runs it): the gateway's overhead and the local
 * embeddings' speed, printed to the console and target/ai-benchmark.md. Run it with
 * {@code mvn -B -q -pl appliance -am verify -Dtest=AiGatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@AiApplianceTest
class AiGatewayBenchmark extends AiApiTestSupport {

    private static final int RUNS = 300;
    private static final int WARM_UP = 50;

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

        long rssBefore = rssKb();
        long loadStart = System.nanoTime();
        assertThat(send("POST", "/api/embeddings", key, Map.of("input", "warm up")).statusCode()).isEqualTo(200);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long rssAfter = rssKb();
        List<Long> single = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            send("POST", "/api/embeddings", key, Map.of("input", "The appliance embeds sentence number " + i + "."));
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
            send("POST", "/api/embeddings", key, Map.of("input", batch));
        }
        double perSecond = batches * 32 / ((System.nanoTime() - batchStart) / 1e9);
        report.append("| local embedding, one sentence through the appliance | ").append(ms(single.get(single.size() / 2)))
                .append(" | p95 ").append(ms(single.get(single.size() * 95 / 100))).append(" |\n");
        report.append("\nlocal embeddings: first request (model load) ").append(loadMillis).append(" ms; batches of 32: ")
                .append(String.format("%.0f", perSecond)).append(" sentences/s; RSS of the test JVM ")
                .append(rssBefore / 1024).append(" MiB before the first use, ").append(rssAfter / 1024).append(" MiB after (+")
                .append((rssAfter - rssBefore) / 1024).append(" MiB)\n");
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

    private static long rssKb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    }
}

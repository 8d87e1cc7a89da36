package com.arasul.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ai.StandInOllama;
import com.arasul.ai.StandInOllama.Script;
import com.arasul.e2e.ApplianceJar;
import com.arasul.e2e.ApplianceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (no *Tests name, so the build never runs it): the AI gateway's overhead and the local
 * embeddings, measured on the packaged appliance in its own process with the JVM options
 * {@code scripts/arasul run} gives it, in front of the Ollama stand-in; the client and the stand-in
 * share this (small) JVM, as Ollama and the callers are other processes on the box. Run it on a quiet
 * machine with
 * {@code mvn -B -q -pl e2e -am verify -Dtest=AiGatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures go to the console and e2e/target/ai-benchmark.md, and by hand into docs/benchmarks.md.
 *
 * <p>The overhead is measured pairwise: each chat through the appliance right after the same chat
 * straight to the stand-in, so the difference of each pair is what the appliance added under the same
 * load; its p99 is what the goal (at most {@value #GOAL_ADDED_P99_MILLIS} ms added) is judged by.
 */
class AiGatewayBenchmark {

    private static final int RUNS = 2000;
    /** Warm-up rounds end when the JIT compilers used less than this share of a round's time. */
    private static final double WARM_JIT_SHARE = 0.03;
    private static final int WARM_ROUND = 500;
    private static final int MAX_WARM_UP = 20_000;
    private static final double GOAL_ADDED_P99_MILLIS = 5.0;
    private static final String PASSWORD = "Bench-Admin-Pass-1!";
    private static final String MODEL = "llama3.2:latest";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measure() throws Exception {
        Path work = Files.createTempDirectory("arasul-ai-bench-");
        try (StandInOllama ollama = new StandInOllama()) {
            ollama.stream("POST", "/api/chat", Script.of(StandInOllama.chatChunks(MODEL, "The", " sky", " is", " blue", ".")));
            List<String> options = new ArrayList<>(runOptions());
            // a tight loop would otherwise time the refusals of the rate limits (LLM 10/s, a key 20/s)
            options.addAll(List.of("-Darasul.ai.gateway.requests-per-second=1000000",
                    "-Darasul.security.api-keys.rate-limit.requests=1000000",
                    "-Darasul.security.rate-limits.api.requests=1000000"));
            try (ApplianceProcess appliance = ApplianceProcess.start(ApplianceJar.locate(), options,
                    Map.of("ARASUL_ADMIN_PASSWORD", PASSWORD, "ARASUL_LLM_URL", ollama.url().toString(),
                            "ARASUL_DEFAULT_MODEL", MODEL), work)) {
                appliance.awaitReady(Duration.ofMinutes(4));
                String report = run(appliance, ollama, options);
                System.out.println(report);
                Files.writeString(Path.of("target", "ai-benchmark.md"), report);
            }
        } finally {
            ApplianceBenchmark.deleteQuietly(work);
        }
    }

    private String run(ApplianceProcess appliance, StandInOllama ollama, List<String> options) throws Exception {
        String key = key(appliance);
        String body = JSON.writeValueAsString(Map.of("messages", List.of(Map.of("role", "user", "content", "Hi"))));
        ProcessProbe probe = new ProcessProbe(appliance.pid());
        int warmUp = warmUp(appliance, ollama, key, body, probe);
        StringBuilder report = new StringBuilder("appliance JVM options: `" + String.join(" ", options) + "`; ")
                .append(RUNS).append(" chats of 5 chunks each per phase, after ").append(warmUp)
                .append(" chats to warm up the JIT\n\n");
        report.append("**Cores shared**: the appliance, the client and the stand-in on the same ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
        Phase shared = chats(appliance, ollama, key, body, probe);
        report.append(shared.report());
        // the box: the appliance has cores of its own beside Ollama and the callers (12 on the Jetson)
        pin(appliance.pid(), "1");
        pin(ProcessHandle.current().pid(), "0");
        report.append("\n**Cores apart**: the appliance on core 1, the client and the stand-in on core 0 (taskset)\n\n");
        Phase apart = chats(appliance, ollama, key, body, probe);
        report.append(apart.report());
        String all = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        pin(appliance.pid(), all);
        pin(ProcessHandle.current().pid(), all);
        report.append('\n');

        long rssBefore = probe.statusKib("VmRSS");
        long loadStart = System.nanoTime();
        assertThat(embed(appliance, key, "warm up").statusCode()).isEqualTo(200);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long rssAfter = probe.statusKib("VmRSS");
        List<Long> single = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = embed(appliance, key, "The appliance embeds sentence number " + i + ".");
            assertThat(answer.statusCode()).isEqualTo(200);
            if (i >= 200) {
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
            assertThat(embed(appliance, key, batch).statusCode()).isEqualTo(200);
        }
        double perSecond = batches * 32 / ((System.nanoTime() - batchStart) / 1e9);
        report.append("local embeddings, one sentence through the appliance: p50 ").append(ms(single.get(single.size() / 2)))
                .append(", p95 ").append(ms(single.get(single.size() * 95 / 100))).append("; first request (model load) ").append(loadMillis).append(" ms; batches of 32: ")
                .append(String.format(Locale.ROOT, "%.0f", perSecond)).append(" sentences/s; RSS of the appliance ")
                .append(rssBefore / 1024).append(" MiB before the first use, ").append(rssAfter / 1024).append(" MiB after (+")
                .append((rssAfter - rssBefore) / 1024).append(" MiB)\n");
        report.append("smoke: LLM answer through the appliance (stand-in) p99 ").append(ms(shared.answerP99()))
                .append(", embedding p95 ").append(ms(single.get(single.size() * 95 / 100))).append("\n");
        return report.toString();
    }

    /** One measured phase: each chat through the appliance right after the same chat straight to the stand-in. */
    private record Phase(String report, long answerP99) {
    }

    private Phase chats(ApplianceProcess appliance, StandInOllama ollama, String key, String body, ProcessProbe probe)
            throws Exception {
        List<long[]> direct = new ArrayList<>();
        List<long[]> gateway = new ArrayList<>();
        double cpuBefore = probe.cpuSeconds();
        Map<String, Double> threadsBefore = probe.threadCpuSeconds();
        for (int i = 0; i < RUNS; i++) {
            // alternate, so both see the same machine load
            direct.add(timed(HttpRequest.newBuilder(ollama.url().resolve("/api/chat")), body));
            gateway.add(timed(HttpRequest.newBuilder(appliance.uri("/api/llm/chat")).header("Authorization", "Bearer " + key), body));
        }
        double cpuPerChat = (probe.cpuSeconds() - cpuBefore) / RUNS * 1000;
        String load = loadAverage();
        String threads = probe.threadCpuSeconds().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() / RUNS * 1000 >= 0.01).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f ms", e.getKey(), e.getValue() / RUNS * 1000))
                .collect(java.util.stream.Collectors.joining(", "));
        List<long[]> added = new ArrayList<>();
        int over = 0;
        for (int i = 0; i < gateway.size(); i++) {
            added.add(new long[] {gateway.get(i)[0] - direct.get(i)[0], gateway.get(i)[1] - direct.get(i)[1]});
            if (added.get(i)[1] > GOAL_ADDED_P99_MILLIS * 1e6) {
                over++;
            }
        }
        StringBuilder report = new StringBuilder("| what | p50 | p99 |\n|---|---|---|\n");
        row(report, "first chunk, stand-in directly", direct, 0);
        row(report, "first chunk, through the appliance", gateway, 0);
        row(report, "whole answer, stand-in directly", direct, 1);
        row(report, "whole answer, through the appliance", gateway, 1);
        row(report, "**added by the appliance, first chunk** (pairwise)", added, 0);
        row(report, "**added by the appliance, whole answer** (pairwise)", added, 1);
        double firstP99 = percentile(added, 0, 99) / 1e6;
        double endP99 = percentile(added, 1, 99) / 1e6;
        report.append("\ngateway goal (<= ").append(GOAL_ADDED_P99_MILLIS)
                .append(" ms added at p99, to the first chunk and to the end): ")
                .append(Math.max(firstP99, endP99) <= GOAL_ADDED_P99_MILLIS ? "met" : "NOT met")
                .append(String.format(Locale.ROOT, " (%.2f ms and %.2f ms; %d of %d answers over it); ", firstP99, endP99,
                        over, RUNS))
                .append(String.format(Locale.ROOT, "the appliance's CPU per chat %.2f ms (", cpuPerChat)).append(threads)
                .append("); load average after the chats ").append(load).append('\n');
        return new Phase(report.toString(), percentile(gateway, 1, 99));
    }

    private static void pin(long pid, String cores) throws Exception {
        // -a: every thread of the process; threads started later inherit it from their parent
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(taskset.waitFor()).as("taskset: " + output).isZero();
    }

    /**
     * Chats until the appliance's JIT compilers are (nearly) done: a box runs for months, and its
     * steady state is what the figures are for, not the first minute's compiling.
     */
    private int warmUp(ApplianceProcess appliance, StandInOllama ollama, String key, String body, ProcessProbe probe)
            throws Exception {
        int chats = 0;
        while (chats < MAX_WARM_UP) {
            double compilersBefore = compilerSeconds(probe);
            long start = System.nanoTime();
            for (int i = 0; i < WARM_ROUND; i++) {
                timed(HttpRequest.newBuilder(ollama.url().resolve("/api/chat")), body);
                timed(HttpRequest.newBuilder(appliance.uri("/api/llm/chat")).header("Authorization", "Bearer " + key), body);
            }
            chats += WARM_ROUND;
            double share = (compilerSeconds(probe) - compilersBefore) / ((System.nanoTime() - start) / 1e9);
            if (share < WARM_JIT_SHARE) {
                break;
            }
        }
        return chats;
    }

    private static double compilerSeconds(ProcessProbe probe) {
        return probe.threadCpuSeconds().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** The options {@code scripts/arasul run} starts the appliance with (its DEFAULT_JAVA_OPTS), unless ARASUL_JAVA_OPTS says otherwise. */
    static List<String> runOptions() throws IOException {
        String override = System.getenv("ARASUL_JAVA_OPTS");
        if (override != null && !override.isBlank()) {
            return Arrays.asList(override.trim().split("\\s+"));
        }
        Path script = Path.of("..", "scripts", "arasul");
        Matcher defaults = Pattern.compile("(?m)^DEFAULT_JAVA_OPTS=\"([^\"]+)\"").matcher(Files.readString(script));
        if (!defaults.find()) {
            throw new IllegalStateException("no DEFAULT_JAVA_OPTS in " + script);
        }
        return Arrays.asList(defaults.group(1).split("\\s+"));
    }

    private String key(ApplianceProcess appliance) throws Exception {
        String token = JSON.readTree(post(appliance.uri("/api/auth/login"), null,
                Map.of("username", "admin", "password", PASSWORD)).body()).get("token").asString();
        JsonNode created = JSON.readTree(post(appliance.uri("/api/auth/api-keys"), token,
                Map.of("name", "bench", "scopes", List.of("llm", "embeddings"))).body());
        return created.get("key").asString();
    }

    private HttpResponse<String> embed(ApplianceProcess appliance, String key, Object input) throws Exception {
        return post(appliance.uri("/api/embeddings"), key, Map.of("input", input));
    }

    private HttpResponse<String> post(URI uri, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isLessThan(300);
        return response;
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
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}

package com.arasul.healing.bench;

import static com.arasul.containers.DockerCli.docker;

import com.arasul.ArasulApplication;
import com.arasul.containers.ContainerChannels;
import com.arasul.containers.ContainerEvent;
import com.arasul.containers.DockerCli;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import com.arasul.healing.HealingFlows;
import com.arasul.healing.internal.PlannedAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.channel.AbstractMessageChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;

/**
 * Heal latency of the appliance against Docker's own {@code --restart always}, on the real engine,
 * in one appliance run as on a real box: first {@code trials} managed health-checked containers are
 * made unhealthy, then {@code trials} fresh managed containers and identical unmanaged twins with
 * {@code --restart always} have their main process SIGKILLed. With the default thresholds the
 * failures soon make category C restart every service, so the crash trials run while and after C
 * steps do. Times come from Docker itself ({@code State.FinishedAt}, {@code State.StartedAt}, the
 * event's time) and from the moment an action's lane handed it to the Docker adapter. "Fault event ->
 * restart issued" starts at the event's own time (a crash's {@code die}, an {@code unhealthy}); the
 * time from the death ({@code State.FinishedAt}) to its {@code die} event is Docker's exit handling
 * (it deletes the task in containerd and waits for the output streams before it reports the die),
 * which no client sees, and is printed on its own line. Every hop between the event and the restart
 * call is stamped by channel interceptors and printed, so a wait on the path shows where it is.
 * Then the appliance idles and its CPU use is measured.
 *
 * <p>Run: {@code mvn -pl appliance -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.arasul.healing.bench.HealLatencyBenchmark -Dexec.args="10 30"} (see docs/benchmarks.md)
 */
public final class HealLatencyBenchmark {

    private static final String PREFIX = "hl8b-";
    private static final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private static final Map<String, Instant> unhealthyAt = new ConcurrentHashMap<>();
    /** Where the time between a fault event and its restart call goes, hop by hop, per service. */
    private static final String[] HOPS = {"Docker's event time", "received from Docker", "feeding thread took it",
            "rules asked for the restart", "deciding thread took it", "decided and recorded", "its lane ran it"};
    private static final Map<String, Instant[]> hops = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        DockerCli.removeEverythingNamed(PREFIX);
        TestImages.sleeper(PREFIX + "sleeper:v1");
        TestImages.healthChecked(PREFIX + "health:v1");
        Path data = Files.createTempDirectory("hea-bench-");
        ConfigurableApplicationContext app = SpringApplication.run(ArasulApplication.class,
                "--arasul.data-dir=" + data, "--server.port=0", "--arasul.healing.mode=act",
                "--arasul.healing.engine.scope=" + PREFIX + ".*", "--arasul.healing.engine.prune-labels=arasul.test=hl8b",
                // the default thresholds: the failures of the trials escalate to category C, as on a box
                "--logging.level.root=WARN");
        System.out.println("load average at the start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        try {
            // the moment an action's lane hands it to the Docker adapter
            app.getBean(HealingFlows.ACTIONS_ON_LANE, AbstractMessageChannel.class).addInterceptor(new ChannelInterceptor() {
                @Override
                public Message<?> preSend(Message<?> message, MessageChannel channel) {
                    if (message.getPayload() instanceof PlannedAction a && a.request().service() != null) {
                        issued.putIfAbsent(a.request().service(), Instant.now());
                    }
                    return message;
                }
            });
            app.getBean(ContainerChannels.CONTAINER_EVENTS, SubscribableChannel.class).subscribe(m -> {
                if (m.getPayload() instanceof ContainerEvent e && "unhealthy".equals(e.health())) {
                    unhealthyAt.putIfAbsent(e.service(), e.timestamp());
                }
                if (m.getPayload() instanceof ContainerEvent e && fault(e)) {
                    hop(e.service(), 0, e.timestamp());
                    hop(e.service(), 1, Instant.now());
                }
            });
            traceHops(app);
            List<long[]> kills = new ArrayList<>();
            List<long[]> sick = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                sick.add(healthTrial(i));
                DockerCli.removeEverythingNamed(PREFIX + "h-");
            }
            for (int i = 0; i < trials; i++) {
                kills.add(killTrial(i));
                DockerCli.removeEverythingNamed(PREFIX + "k-");
            }
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            report("health check turned unhealthy (ms)", sick, new String[] {
                    "unhealthy -> restart issued (appliance)", "unhealthy -> running again (appliance)"});
            System.out.println("docker --restart always on an unhealthy container: never restarts it (Docker's "
                    + "restart policies act on exits only)");
            report("SIGKILL of the main process (ms)", kills, new String[] {
                    "die event -> restart issued (appliance)", "death -> running again (appliance)",
                    "death -> running again (docker --restart always)", "death -> die event (Docker's exit handling)",
                    "death -> restart issued (appliance)"});
            System.out.println("category C steps run meanwhile: " + jdbc.queryForList("SELECT action_type FROM"
                    + " recovery_actions WHERE category = 'C' AND mode = 'act' ORDER BY id", String.class));
            long[] appliance = kills.stream().mapToLong(r -> r[1]).sorted().toArray();
            long[] docker = kills.stream().mapToLong(r -> r[2]).sorted().toArray();
            long[] issuedAll = java.util.stream.Stream.concat(kills.stream().map(r -> r[0]), sick.stream().map(r -> r[0]))
                    .mapToLong(Long::longValue).filter(v -> v >= 0).sorted().toArray();
            System.out.printf("%ncrash -> running, appliance / docker at p50: %.2f (target <= 1.5)%n",
                    (double) pct(appliance, 50) / Math.max(1, pct(docker, 50)));
            System.out.printf("fault event -> restart call issued, all %d trials: p50 %d, p95 %d, max %d ms"
                    + " (target p95 <= 200)%n", issuedAll.length, pct(issuedAll, 50), pct(issuedAll, 95),
                    issuedAll[issuedAll.length - 1]);
            reportHops();
            System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
            idleCpu(idleSeconds);
            if (Boolean.getBoolean("bench.dump")) {
                jdbc.queryForList("SELECT occurred_at, action_type, service, rule_name, success, duration_ms"
                        + " FROM recovery_actions ORDER BY id").forEach(System.out::println);
                jdbc.queryForList("SELECT occurred_at, event_type, service, description FROM self_healing_events"
                        + " ORDER BY id").forEach(System.out::println);
            }
        } finally {
            app.close();
            DockerCli.removeEverythingNamed(PREFIX);
        }
    }

    private static long[] killTrial(int i) {
        String managed = PREFIX + "k-" + i;
        String twin = PREFIX + "k-twin-" + i;
        docker("run", "-d", "--name", managed, "--label", ServiceLabels.SERVICE + "=" + managed, "--label", "arasul.test=hl8b",
                PREFIX + "sleeper:v1").orFail();
        docker("run", "-d", "--name", twin, "--restart", "always", PREFIX + "sleeper:v1").orFail();
        Instant managedStart = started(managed);
        Instant twinStart = started(twin);
        kill(DockerCli.inspect(managed, "{{.State.Pid}}"));
        kill(DockerCli.inspect(twin, "{{.State.Pid}}"));
        Instant managedAgain = awaitRestart(managed, managedStart);
        Instant twinAgain = awaitRestart(twin, twinStart);
        Instant died = Instant.parse(DockerCli.inspect(managed, "{{.State.FinishedAt}}"));
        Instant twinDied = Instant.parse(DockerCli.inspect(twin, "{{.State.FinishedAt}}"));
        Instant dieEvent = faultEventOf(managed);
        return new long[] {ms(dieEvent, issued.get(managed)), ms(died, managedAgain), ms(twinDied, twinAgain),
                ms(died, dieEvent), ms(died, issued.get(managed))};
    }

    private static long[] healthTrial(int i) {
        String service = PREFIX + "h-" + i;
        docker("run", "-d", "--name", service, "--label", ServiceLabels.SERVICE + "=" + service, PREFIX + "health:v1").orFail();
        awaitUntil(() -> "healthy".equals(DockerCli.inspect(service, "{{.State.Health.Status}}")), Duration.ofSeconds(30));
        Instant start = started(service);
        docker("exec", service, "rm", "/tmp/healthy").orFail();
        Instant again = awaitRestart(service, start);
        Instant sickAt = unhealthyAt.get(service);
        return new long[] {ms(sickAt, issued.get(service)), ms(sickAt, again)};
    }

    /** When Docker stamped the service's first fault event (its die or its unhealthy), awaited briefly. */
    private static Instant faultEventOf(String service) {
        awaitUntil(() -> hops.containsKey(service) && hops.get(service)[0] != null, Duration.ofSeconds(10));
        return hops.get(service)[0];
    }

    private static boolean fault(ContainerEvent e) {
        return e.crashed() || "unhealthy".equals(e.health());
    }

    private static void hop(String service, int hop, Instant at) {
        Instant[] times = hops.computeIfAbsent(service, s -> new Instant[HOPS.length]);
        synchronized (times) {
            if (times[hop] == null && (hop == 0 || times[0] != null)) {
                times[hop] = at;
            }
        }
    }

    private static String restartOf(Object payload) {
        Object request = payload instanceof PlannedAction a ? a.request() : payload;
        return request instanceof com.arasul.healing.ActionRequest r && r.service() != null
                && (r.type() == com.arasul.healing.ActionType.RESTART_SERVICE
                        || r.type() == com.arasul.healing.ActionType.STOP_START_SERVICE) ? r.service() : null;
    }

    /** Stamps each hop of a fault's way: the feeding thread, the rules' request, the deciding thread, the lane. */
    private static void traceHops(ConfigurableApplicationContext app) {
        java.util.function.Function<Object, String> faulted = p -> p instanceof ContainerEvent e && fault(e)
                ? e.service() : null;
        stamp(app, HealingFlows.FACTS, faulted, -1, 2);
        stamp(app, "healingDecisions", HealLatencyBenchmark::restartOf, 3, 4);
        stamp(app, HealingFlows.ACTIONS, HealLatencyBenchmark::restartOf, 5, -1);
        stamp(app, HealingFlows.ACTIONS_ON_LANE, HealLatencyBenchmark::restartOf, 6, -1);
    }

    /** Stamps hop {@code sent} when a message of a service goes onto the channel, {@code taken} when its thread takes it. */
    private static void stamp(ConfigurableApplicationContext app, String channel,
            java.util.function.Function<Object, String> serviceOf, int sent, int taken) {
        app.getBean(channel, AbstractMessageChannel.class).addInterceptor(new ExecutorChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel to) {
                return stamped(message, sent);
            }

            @Override
            public Message<?> beforeHandle(Message<?> message, MessageChannel on, MessageHandler handler) {
                return stamped(message, taken);
            }

            private Message<?> stamped(Message<?> message, int hop) {
                String service = hop < 0 ? null : serviceOf.apply(message.getPayload());
                if (service != null) {
                    hop(service, hop, Instant.now());
                }
                return message;
            }
        });
    }

    private static void reportHops() {
        System.out.println();
        System.out.println("where the time from a fault event to its restart call goes (ms, each hop from the one"
                + " before), " + hops.size() + " faults");
        System.out.printf("%-50s %8s %8s %8s%n", "", "p50", "p95", "max");
        for (int h = 1; h < HOPS.length; h++) {
            final int hop = h;
            long[] values = hops.values().stream().filter(t -> t[hop] != null && t[hop - 1] != null)
                    .mapToLong(t -> ms(t[hop - 1], t[hop])).sorted().toArray();
            if (values.length > 0) {
                System.out.printf("%-50s %8d %8d %8d%n", HOPS[hop - 1] + " -> " + HOPS[hop], pct(values, 50),
                        pct(values, 95), values[values.length - 1]);
            }
        }
    }

    private static void report(String title, List<long[]> rows, String[] columns) {
        System.out.println();
        System.out.println(title + ", " + rows.size() + " trials");
        System.out.printf("%-50s %8s %8s %8s%n", "", "p50", "p95", "max");
        for (int c = 0; c < columns.length; c++) {
            final int col = c;
            // -1: no restart of that service was issued (category C's ordered restart came first)
            long[] values = rows.stream().mapToLong(r -> r[col]).filter(v -> v >= 0).sorted().toArray();
            if (values.length == 0) {
                System.out.printf("%-50s %8s%n", columns[c], "none");
                continue;
            }
            System.out.printf("%-50s %8d %8d %8d%s%n", columns[c], pct(values, 50), pct(values, 95),
                    values[values.length - 1], values.length < rows.size()
                            ? "  (" + (rows.size() - values.length) + " left out: restarted by category C first)" : "");
        }
    }

    private static void idleCpu(int seconds) throws InterruptedException {
        var self = ProcessHandle.current().info();
        Duration before = self.totalCpuDuration().orElse(Duration.ZERO);
        long wallStart = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(seconds));
        Duration after = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        double percent = 100.0 * after.minus(before).toNanos() / (System.nanoTime() - wallStart);
        System.out.printf("%nidle CPU of the appliance (engine running, %d s): %.2f %% of one core%n", seconds, percent);
    }

    private static long pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long ms(Instant from, Instant to) {
        return from == null || to == null ? -1 : Duration.between(from, to).toMillis();
    }

    private static Instant started(String container) {
        return Instant.parse(DockerCli.inspect(container, "{{.State.StartedAt}}"));
    }

    private static Instant awaitRestart(String container, Instant previous) {
        Instant[] now = new Instant[1];
        awaitUntil(() -> {
            now[0] = started(container);
            return now[0].isAfter(previous) && "true".equals(DockerCli.inspect(container, "{{.State.Running}}"));
        }, Duration.ofSeconds(60));
        return now[0];
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void kill(String pid) {
        try {
            if (new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("kill -9 " + pid + " failed");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HealLatencyBenchmark() {
    }
}

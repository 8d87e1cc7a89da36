package com.arasul.updates;

import com.arasul.ArasulApplication;
import com.arasul.containers.DockerCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * Time to apply a one-image update, from the package id put on the apply queue to COMMITTED:
 * Backup, docker load, tag, recreate, health gate (the images' health check runs every second),
 * commit. Alternates between two busybox images so every run really swaps the container.
 * Run: {@code java -cp <test classpath> com.arasul.updates.ApplyBenchmark [runs]}.
 */
public final class ApplyBenchmark {

    private static final String SERVICE = UpdateTestImages.PREFIX + "bench";

    private ApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        UpdateTestImages.build();
        Path data = Files.createTempDirectory("uap-bench-");
        Path v1 = UpdateTestImages.save("v1", data);
        Path v2 = UpdateTestImages.save("v2", data);
        UpdateTestImages.run(SERVICE, "v1");
        List<Long> millis = new ArrayList<>();
        try (var app = new SpringApplicationBuilder(ArasulApplication.class).run("--arasul.data-dir=" + data, "--arasul.updates.usb-roots=" + data.resolve("usb"),
                "--server.port=0", "--arasul.updates.poll-interval=50ms", "--logging.level.root=WARN")) {
            var jdbc = app.getBean(JdbcTemplate.class);
            var queue = app.getBean(UpdateChannels.APPLY_QUEUE, MessageChannel.class);
            var packages = new TestPackages(data, jdbc);
            for (int i = 0; i < runs; i++) {
                UUID id = packages.version("10." + i + ".0").image(SERVICE, i % 2 == 0 ? v2 : v1).stage(UpdateStatus.QUEUED);
                long start = System.nanoTime();
                queue.send(MessageBuilder.withPayload(id.toString()).build());
                String status;
                while (!(status = packages.status(id)).equals("COMMITTED")) {
                    if (status.equals("ROLLED_BACK") || status.equals("FAILED") || status.equals("REFUSED")) {
                        throw new IllegalStateException("run " + i + " ended " + status + ": " + packages.reason(id));
                    }
                    if (Duration.ofNanos(System.nanoTime() - start).toSeconds() > 180) {
                        throw new IllegalStateException("run " + i + " took longer than 180 s");
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                System.out.printf("run %d: %d ms (image %d bytes)%n", i, millis.getLast(), Files.size(i % 2 == 0 ? v2 : v1));
            }
        } finally {
            DockerCli.removeEverythingNamed(UpdateTestImages.PREFIX);
        }
        var sorted = millis.stream().sorted().toList();
        System.out.printf("apply of a one-image update: min %d ms, median %d ms, max %d ms over %d runs%n",
                sorted.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast(), sorted.size());
    }
}

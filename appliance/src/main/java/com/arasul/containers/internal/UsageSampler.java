package com.arasul.containers.internal;

import com.arasul.containers.ContainerUsage;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One-shot container stats ({@code stream=false}), computed the way {@code docker stats} does. */
final class UsageSampler {

    private UsageSampler() {
    }

    static Optional<ContainerUsage> sample(DockerClient client, String containerId, String service, Duration timeout) {
        var result = new CompletableFuture<Statistics>();
        var callback = client.statsCmd(containerId).withNoStream(true).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics statistics) {
                result.complete(statistics);
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
                super.onError(error);
            }

            @Override
            public void onComplete() {
                result.complete(null);
                super.onComplete();
            }
        });
        try {
            return Optional.ofNullable(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                    .map(s -> usage(service, s));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } finally {
            try {
                callback.close();
            } catch (Exception ignored) {
                // the one sample is in, or it never will be
            }
        }
    }

    static ContainerUsage usage(String service, Statistics s) {
        double cpu = 0;
        var now = s.getCpuStats();
        var before = s.getPreCpuStats();
        if (now != null && before != null && now.getCpuUsage() != null && before.getCpuUsage() != null
                && now.getSystemCpuUsage() != null && before.getSystemCpuUsage() != null) {
            long cpuDelta = value(now.getCpuUsage().getTotalUsage()) - value(before.getCpuUsage().getTotalUsage());
            long systemDelta = now.getSystemCpuUsage() - before.getSystemCpuUsage();
            long cpus = now.getOnlineCpus() != null ? now.getOnlineCpus()
                    : now.getCpuUsage().getPercpuUsage() != null ? now.getCpuUsage().getPercpuUsage().size() : 1;
            if (cpuDelta > 0 && systemDelta > 0) {
                cpu = (double) cpuDelta / systemDelta * cpus * 100.0;
            }
        }
        long memory = 0;
        long limit = 0;
        var mem = s.getMemoryStats();
        if (mem != null) {
            memory = value(mem.getUsage());
            // like docker stats: the page cache the kernel can drop is not the container's memory
            if (mem.getStats() != null) {
                Long cache = mem.getStats().getInactiveFile() != null ? mem.getStats().getInactiveFile()
                        : mem.getStats().getTotalInactiveFile();
                if (cache != null && cache < memory) {
                    memory -= cache;
                }
            }
            limit = value(mem.getLimit());
        }
        return new ContainerUsage(service, Instant.now(), cpu, memory, limit);
    }

    private static long value(Long l) {
        return l == null ? 0 : l;
    }
}

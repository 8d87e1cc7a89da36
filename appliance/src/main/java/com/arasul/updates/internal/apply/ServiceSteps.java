package com.arasul.updates.internal.apply;

import com.arasul.containers.ActionResult;
import com.arasul.containers.ContainerActions;
import com.arasul.containers.ImageOperations;
import com.arasul.containers.ManagedService;
import com.arasul.updates.format.Component;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** The container side of an update: images saved, loaded and swapped, services restarted, health awaited. */
final class ServiceSteps {

    private static final Duration HEALTH_POLL = Duration.ofMillis(500);

    private final ContainerActions containers;
    private final ImageOperations images;

    ServiceSteps(ContainerActions containers, ImageOperations images) {
        this.containers = containers;
        this.images = images;
    }

    Optional<ManagedService> service(String name) {
        return containers.service(name);
    }

    /** The touched services and those depending on them, in start order. */
    List<String> affected(ApplyJob job) {
        List<ManagedService> all = containers.services();
        Set<String> affected = new HashSet<>(job.services());
        affected.addAll(ServiceOrder.dependents(all, affected));
        return ServiceOrder.startOrder(all).stream().filter(affected::contains).toList();
    }

    /** The touched services in start order (dependencies first). */
    List<String> touchedInOrder(ApplyJob job) {
        List<String> order = ServiceOrder.startOrder(containers.services());
        List<String> touched = new ArrayList<>(order.stream().filter(job.services()::contains).toList());
        job.services().stream().filter(s -> !touched.contains(s)).forEach(touched::add);
        return touched;
    }

    ApplyRecords.ServiceBackup backup(String service) {
        ManagedService s = containers.service(service)
                .orElseThrow(() -> new IllegalStateException("no container of " + service + " is found"));
        String id = images.imageId(s.image())
                .orElseThrow(() -> new IllegalStateException("the image " + s.image() + " of " + service + " is not found"));
        return new ApplyRecords.ServiceBackup(service, s.image(), id);
    }

    /** Loads, tags and runs the package's image for one service; every part may be repeated. */
    String install(ApplyJob job, Component.Image image) {
        ImageOperations.LoadResult loaded;
        try (InputStream in = Files.newInputStream(job.staging().resolve(image.file()))) {
            loaded = images.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the image file of " + image.service() + " cannot be read", e);
        }
        require(loaded.result(), "the image of " + image.service() + " could not be loaded");
        String reference = loaded.images().getFirst();
        String repository = repositoryOf(reference, image.service());
        String tag = job.version().replace('+', '_');
        require(images.tag(reference, repository, tag), "the image of " + image.service() + " could not be tagged");
        require(images.recreateWithImage(image.service(), repository + ":" + tag),
                image.service() + " could not be switched to the new image");
        return repository + ":" + tag;
    }

    /** Restarts, in start order, the services that depend on the touched ones. */
    List<String> restartDependents(ApplyJob job) {
        List<String> restarted = new ArrayList<>();
        for (String service : affected(job)) {
            if (!job.services().contains(service)) {
                require(containers.restart(service), service + " could not be restarted");
                restarted.add(service);
            }
        }
        return restarted;
    }

    /** Waits for every touched service to run and, with a health check, be healthy; empty when all are. */
    Optional<String> awaitHealthy(ApplyJob job, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> waiting = new HashSet<>(job.services());
        while (true) {
            for (String service : List.copyOf(waiting)) {
                Optional<ManagedService> s = containers.service(service);
                if (s.isPresent() && s.get().running() && ("healthy".equals(s.get().health()) || "none".equals(s.get().health()))) {
                    waiting.remove(service);
                } else if (s.isPresent() && "unhealthy".equals(s.get().health())) {
                    return Optional.of(service + " reports that it is unhealthy; restoring the previous version");
                } else if (s.isPresent() && Set.of("exited", "dead").contains(s.get().state())) {
                    return Optional.of(service + " stopped right after the update; restoring the previous version");
                }
            }
            if (waiting.isEmpty()) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(String.join(", ", waiting) + " did not become healthy within "
                        + timeout.toSeconds() + " s; restoring the previous version");
            }
            LockSupport.parkNanos(HEALTH_POLL.toNanos());
        }
    }

    /** Puts the previous container back; fine when it never was replaced. */
    Optional<String> rollback(String service, ApplyRecords.ServiceBackup before) {
        ActionResult result = images.rollback(service);
        if (result.success()) {
            return Optional.empty();
        }
        Optional<ManagedService> now = containers.service(service);
        boolean runsOld = now.isPresent() && images.imageId(now.get().image()).map(before.imageId()::equals).orElse(false);
        if (runsOld) {
            if (!now.get().running()) {
                containers.start(service);
            }
            return Optional.empty();
        }
        return Optional.of(service + ": " + result.message());
    }

    void discardPrevious(String service) {
        images.discardPrevious(service);
    }

    static String repositoryOf(String reference, String service) {
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > reference.lastIndexOf('/') && !reference.startsWith("sha256:");
        return tagged ? reference.substring(0, colon) : "arasul/" + service;
    }

    private static void require(ActionResult result, String what) {
        if (!result.success()) {
            throw new IllegalStateException(what + ": " + result.message());
        }
    }
}

package com.arasul.containers.internal;

import com.arasul.containers.ActionResult;
import com.arasul.containers.ContainerActions;
import com.arasul.containers.ContainerUsage;
import com.arasul.containers.LogFollow;
import com.arasul.containers.LogLine;
import com.arasul.containers.ManagedService;
import com.arasul.containers.ServiceLabels;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.PruneType;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/** The Docker actions on managed services; each looks the service up by its label first. */
public final class DockerContainerActions implements ContainerActions {

    private static final int MAX_LOG_LINES = 10_000;

    private final DockerConnection docker;
    private final ManagedContainers containers;
    private final StopTimeouts stopTimeouts;
    private final OwnActions own;
    private final Duration responseTimeout;
    private final int followBuffer;
    private final Semaphore followers;

    DockerContainerActions(DockerConnection docker, ManagedContainers containers, StopTimeouts stopTimeouts,
            OwnActions own, Duration responseTimeout, int maxFollowers, int followBuffer) {
        this.docker = docker;
        this.containers = containers;
        this.stopTimeouts = stopTimeouts;
        this.own = own;
        this.responseTimeout = responseTimeout;
        this.followBuffer = followBuffer;
        this.followers = new Semaphore(maxFollowers);
    }

    @Override
    public List<ManagedService> services() {
        try {
            return containers.all();
        } catch (RuntimeException dockerAway) {
            return List.of();
        }
    }

    @Override
    public Optional<ManagedService> service(String name) {
        try {
            return containers.current(name).map(ManagedContainers::toService);
        } catch (RuntimeException dockerAway) {
            return Optional.empty();
        }
    }

    @Override
    public ActionResult restart(String service) {
        return restart(service, false);
    }

    @Override
    public ActionResult restartUnresponsive(String service) {
        return restart(service, true);
    }

    private ActionResult restart(String service, boolean unresponsive) {
        return Timed.run("restart of " + service, () -> {
            var c = require(service);
            int wait = unresponsive ? stopTimeouts.unresponsive(c) : stopTimeouts.planned(c);
            own.during(c.getId(), () -> docker.client().restartContainerCmd(c.getId()).withTimeout(wait).exec());
            return "restarted " + service;
        });
    }

    @Override
    public ActionResult stopAndStart(String service) {
        return Timed.run("stop and start of " + service, () -> {
            var c = require(service);
            own.during(c.getId(), () -> {
                stopQuietly(c.getId(), stopTimeouts.unresponsive(c));
                startQuietly(c.getId());
                return null;
            });
            return "stopped and started " + service;
        });
    }

    @Override
    public ActionResult stop(String service) {
        return Timed.run("stop of " + service, () -> {
            var c = require(service);
            own.during(c.getId(), () -> stopQuietly(c.getId(), stopTimeouts.planned(c)));
            return "stopped " + service;
        });
    }

    @Override
    public ActionResult start(String service) {
        return Timed.run("start of " + service, () -> {
            startQuietly(require(service).getId());
            return "started " + service;
        });
    }

    @Override
    public ActionResult pruneDanglingImages(String... labels) {
        return Timed.run("image prune", () -> {
            var command = docker.client().pruneCmd(PruneType.IMAGES).withDangling(true);
            if (labels.length > 0) {
                command.withLabelFilter(labels);
            }
            var response = command.exec();
            long bytes = response.getSpaceReclaimed() == null ? 0 : response.getSpaceReclaimed();
            return "removed unused images, %d MB freed".formatted(bytes / (1024 * 1024));
        });
    }

    @Override
    public Optional<ContainerUsage> usage(String service) {
        try {
            return containers.current(service)
                    .filter(c -> Boolean.TRUE.equals(c.getState().getRunning()))
                    .flatMap(c -> UsageSampler.sample(docker.client(), c.getId(), service, responseTimeout));
        } catch (RuntimeException dockerAway) {
            return Optional.empty();
        }
    }

    @Override
    public List<LogLine> logs(String service, int lines) {
        var c = containers.current(service).orElseThrow(() -> noSuch(service));
        return ContainerLogs.tail(docker.client(), c.getId(), service, clamp(lines), responseTimeout);
    }

    @Override
    public LogFollow followLogs(String service, int lines) {
        var c = containers.current(service).orElseThrow(() -> noSuch(service));
        if (!followers.tryAcquire()) {
            throw new IllegalStateException("too many logs are followed at once; close one first");
        }
        try {
            return ContainerLogs.follow(docker.streamClient(), c.getId(), service, clamp(lines), followBuffer,
                    followers::release);
        } catch (RuntimeException e) {
            followers.release();
            throw e;
        }
    }

    /** The service's container, or a refusal: an unlabelled container is never found here. */
    private InspectContainerResponse require(String service) {
        return containers.current(service).orElseThrow(() -> unknown(service));
    }

    private static Timed.Refused unknown(String service) {
        return new Timed.Refused("no container is labelled " + ServiceLabels.SERVICE + "=" + service);
    }

    private static NoSuchElementException noSuch(String service) {
        return new NoSuchElementException(unknown(service).getMessage());
    }

    private Void stopQuietly(String id, int seconds) {
        try {
            docker.client().stopContainerCmd(id).withTimeout(seconds).exec();
        } catch (NotModifiedException alreadyStopped) {
            // stopping a stopped container is what we wanted anyway
        }
        return null;
    }

    private void startQuietly(String id) {
        try {
            docker.client().startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // idem
        }
    }

    private static int clamp(int lines) {
        return Math.max(0, Math.min(lines, MAX_LOG_LINES));
    }
}

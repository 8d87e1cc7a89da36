package com.arasul.containers.internal;

import com.arasul.containers.DockerDaemonDown;
import com.arasul.containers.DockerDaemonUp;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Whether the Docker daemon answers, as the events stream and the state poll see it. Publishes
 * {@link DockerDaemonDown} and {@link DockerDaemonUp} on changes only, so a daemon that is away
 * is one event, not one per service.
 */
public final class DaemonStatus {

    private static final Logger log = LoggerFactory.getLogger(DaemonStatus.class);

    private enum State { UNKNOWN, UP, DOWN }

    private final ApplicationEventPublisher publisher;
    private final DockerConnection docker;
    private final Clock clock;
    private final AtomicReference<State> state = new AtomicReference<>(State.UNKNOWN);
    private final List<Runnable> downListeners = new CopyOnWriteArrayList<>();

    public DaemonStatus(ApplicationEventPublisher publisher, DockerConnection docker, Clock clock) {
        this.publisher = publisher;
        this.docker = docker;
        this.clock = clock;
    }

    public boolean up() {
        return state.get() == State.UP;
    }

    public void markUp() {
        if (state.getAndSet(State.UP) != State.UP) {
            String version = docker.apiVersion();
            log.info("Docker at {} answers, API {}", docker.host(), version);
            publisher.publishEvent(new DockerDaemonUp(clock.instant(), version));
        }
    }

    public void markDown(String reason) {
        if (state.getAndSet(State.DOWN) != State.DOWN) {
            docker.forget();
            log.warn("Docker at {} does not answer: {}", docker.host(), reason);
            publisher.publishEvent(new DockerDaemonDown(clock.instant(), reason));
            downListeners.forEach(Runnable::run);
        }
    }

    /** Called once for each change to down (the events stream uses it to drop a hung connection). */
    public void onDown(Runnable listener) {
        downListeners.add(listener);
    }
}

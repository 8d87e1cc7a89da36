package com.arasul.containers.internal;

import com.arasul.containers.ManagedService;
import com.arasul.containers.ServiceLabels;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds managed containers by their {@code arasul.service} label, the only way this module ever
 * gets hold of a container. A container replaced by an update is kept under a retired name until
 * the update is committed; it is not the service and never listed as one.
 */
public final class ManagedContainers {

    /** Appended to a container's name while it waits, stopped, as the rollback target. */
    public static final String RETIRED_SUFFIX = "-arasul-previous";

    private final DockerConnection docker;

    public ManagedContainers(DockerConnection docker) {
        this.docker = docker;
    }

    /** Every managed service, by start order and name. */
    public List<ManagedService> all() {
        return docker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ServiceLabels.SERVICE)).exec().stream()
                .filter(c -> !retired(c))
                .map(c -> inspect(c.getId()))
                .flatMap(Optional::stream)
                .map(ManagedContainers::toService)
                .sorted(Comparator.comparingInt(ManagedService::startOrder).thenComparing(ManagedService::name))
                .toList();
    }

    /** The service's container, if there is one. */
    public Optional<InspectContainerResponse> current(String service) {
        return find(service, false);
    }

    /** The container an update replaced, kept for a rollback. */
    public Optional<InspectContainerResponse> retired(String service) {
        return find(service, true);
    }

    public Optional<InspectContainerResponse> inspect(String containerId) {
        try {
            return Optional.of(docker.client().inspectContainerCmd(containerId).exec());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private Optional<InspectContainerResponse> find(String service, boolean retired) {
        if (service == null || service.isBlank()) {
            return Optional.empty();
        }
        return docker.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ServiceLabels.SERVICE, service)).exec().stream()
                .filter(c -> service.equals(c.getLabels().get(ServiceLabels.SERVICE)))
                .filter(c -> retired(c) == retired)
                .findFirst()
                .flatMap(c -> inspect(c.getId()));
    }

    private static boolean retired(Container container) {
        return container.getNames() != null
                && Arrays.stream(container.getNames()).anyMatch(n -> n.endsWith(RETIRED_SUFFIX));
    }

    /** The container's name without Docker's leading slash. */
    public static String nameOf(InspectContainerResponse container) {
        String name = container.getName();
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    public static ManagedService toService(InspectContainerResponse c) {
        Map<String, String> labels = c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels();
        var state = c.getState();
        String health = state.getHealth() == null || state.getHealth().getStatus() == null
                ? "none" : state.getHealth().getStatus();
        return new ManagedService(
                labels.get(ServiceLabels.SERVICE),
                c.getId(),
                nameOf(c),
                c.getConfig().getImage(),
                state.getStatus(),
                health,
                c.getRestartCount() == null ? 0 : c.getRestartCount(),
                Boolean.TRUE.equals(state.getRunning()) ? instant(state.getStartedAt()) : null,
                "true".equalsIgnoreCase(labels.get(ServiceLabels.CRITICAL)),
                dependsOn(labels.get(ServiceLabels.DEPENDS_ON)),
                startOrder(labels.get(ServiceLabels.START_ORDER)));
    }

    static List<String> dependsOn(String label) {
        if (label == null || label.isBlank()) {
            return List.of();
        }
        return Arrays.stream(label.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static int startOrder(String label) {
        try {
            return label == null ? Integer.MAX_VALUE : Integer.parseInt(label.trim());
        } catch (NumberFormatException notANumber) {
            return Integer.MAX_VALUE;
        }
    }

    private static Instant instant(String dockerTime) {
        try {
            return dockerTime == null ? null : Instant.parse(dockerTime);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

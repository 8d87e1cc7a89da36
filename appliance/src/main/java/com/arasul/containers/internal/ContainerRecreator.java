package com.arasul.containers.internal;

import com.arasul.containers.ServiceLabels;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.RestartPolicy;

/**
 * Swaps a service's container for one from another image and back. The old container is kept,
 * stopped, under a retired name and with no restart policy (so a daemon restart cannot start it
 * beside its successor) until the update is committed. Each step checks where an interrupted
 * earlier run left off, so every call can simply be repeated.
 */
public final class ContainerRecreator {

    private final DockerConnection docker;
    private final ManagedContainers containers;
    private final StopTimeouts stopTimeouts;
    private final OwnActions own;

    ContainerRecreator(DockerConnection docker, ManagedContainers containers, StopTimeouts stopTimeouts,
            OwnActions own) {
        this.docker = docker;
        this.containers = containers;
        this.stopTimeouts = stopTimeouts;
        this.own = own;
    }

    String recreate(String service, String image) {
        String targetId = imageId(image);
        var current = containers.current(service);
        var retired = containers.retired(service);
        InspectContainerResponse source;
        if (current.isPresent()) {
            var c = current.get();
            if (targetId.equals(c.getImageId())) {
                start(c.getId());
                return service + " already runs " + image;
            }
            retired.ifPresent(r -> remove(r.getId())); // left by an update committed since
            stop(c);
            retire(c);
            source = c; // as it was before retiring, restart policy included
        } else if (retired.isPresent()) {
            // an earlier run stopped after retiring the old container; its restart policy was
            // cleared then, so the new container starts without one until the next update
            source = retired.get();
        } else {
            throw new Timed.Refused("no container is labelled " + ServiceLabels.SERVICE + "=" + service);
        }
        String name = originalName(source);
        var created = ContainerSpec.createFrom(docker.client(), source, image, name).exec();
        start(created.getId());
        return service + " now runs " + image + " (the previous container is kept for a rollback)";
    }

    String rollback(String service) {
        var retired = containers.retired(service).orElseThrow(() ->
                new Timed.Refused("there is no previous container of " + service + " to roll back to"));
        var current = containers.current(service);
        RestartPolicy policy = current.map(c -> c.getHostConfig().getRestartPolicy()).orElse(null);
        current.ifPresent(c -> remove(c.getId()));
        docker.client().renameContainerCmd(retired.getId()).withName(originalName(retired)).exec();
        if (policy != null) {
            docker.client().updateContainerCmd(retired.getId()).withRestartPolicy(policy).exec();
        }
        start(retired.getId());
        return service + " runs its previous container again";
    }

    String discard(String service) {
        var retired = containers.retired(service);
        if (retired.isEmpty()) {
            return "there is no previous container of " + service + " to discard";
        }
        remove(retired.get().getId());
        return "removed the previous container of " + service;
    }

    private void retire(InspectContainerResponse c) {
        // the policy lives on in the new container; rollback hands it back from there
        docker.client().updateContainerCmd(c.getId()).withRestartPolicy(RestartPolicy.noRestart()).exec();
        docker.client().renameContainerCmd(c.getId())
                .withName(ManagedContainers.nameOf(c) + ManagedContainers.RETIRED_SUFFIX).exec();
    }

    private static String originalName(InspectContainerResponse c) {
        String name = ManagedContainers.nameOf(c);
        return name.endsWith(ManagedContainers.RETIRED_SUFFIX)
                ? name.substring(0, name.length() - ManagedContainers.RETIRED_SUFFIX.length()) : name;
    }

    private String imageId(String image) {
        try {
            return docker.client().inspectImageCmd(image).exec().getId();
        } catch (NotFoundException none) {
            throw new Timed.Refused("there is no image " + image);
        }
    }

    private void start(String id) {
        try {
            docker.client().startContainerCmd(id).exec();
        } catch (NotModifiedException alreadyRunning) {
            // repeated call: it runs, as asked
        }
    }

    /** A planned stop: the container's own grace period, never the short one. */
    private void stop(InspectContainerResponse c) {
        own.during(c.getId(), () -> {
            try {
                return docker.client().stopContainerCmd(c.getId()).withTimeout(stopTimeouts.planned(c)).exec();
            } catch (NotModifiedException alreadyStopped) {
                return null; // idem
            }
        });
    }

    private void remove(String id) {
        own.during(id, () -> {
            try {
                return docker.client().removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException gone) {
                return null; // idem
            }
        });
    }
}

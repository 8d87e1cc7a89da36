package com.arasul.containers.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a container was created with beyond its image, so the same container can be created from
 * another image: env, labels, command and entrypoint, health check, user and working directory
 * only where they differ from the old image (the new image's defaults win otherwise), and the
 * whole host configuration (binds, ports, network mode, restart policy, resources).
 */
final class ContainerSpec {

    private ContainerSpec() {
    }

    static CreateContainerCmd createFrom(DockerClient client, InspectContainerResponse old, String image, String name) {
        ContainerConfig container = old.getConfig();
        ContainerConfig fromImage = client.inspectImageCmd(old.getImageId()).exec().getConfig();
        if (fromImage == null) {
            fromImage = new ContainerConfig();
        }
        var create = client.createContainerCmd(image).withName(name).withHostConfig(old.getHostConfig());
        List<String> env = onlyOwn(container.getEnv(), fromImage.getEnv());
        if (!env.isEmpty()) {
            create.withEnv(env);
        }
        create.withLabels(ownLabels(container.getLabels(), fromImage.getLabels()));
        if (!Arrays.equals(container.getCmd(), fromImage.getCmd()) && container.getCmd() != null) {
            create.withCmd(container.getCmd());
        }
        if (!Arrays.equals(container.getEntrypoint(), fromImage.getEntrypoint()) && container.getEntrypoint() != null) {
            create.withEntrypoint(container.getEntrypoint());
        }
        if (container.getHealthcheck() != null && !Objects.equals(container.getHealthcheck(), fromImage.getHealthcheck())) {
            create.withHealthcheck(container.getHealthcheck());
        }
        if (differs(container.getUser(), fromImage.getUser())) {
            create.withUser(container.getUser());
        }
        if (differs(container.getWorkingDir(), fromImage.getWorkingDir())) {
            create.withWorkingDir(container.getWorkingDir());
        }
        if (container.getExposedPorts() != null && !Arrays.equals(container.getExposedPorts(), fromImage.getExposedPorts())) {
            create.withExposedPorts(container.getExposedPorts());
        }
        if (Boolean.TRUE.equals(container.getTty())) {
            create.withTty(true);
        }
        return create;
    }

    /** Env entries set on the container, not inherited from its image. */
    static List<String> onlyOwn(String[] containerEnv, String[] imageEnv) {
        if (containerEnv == null) {
            return List.of();
        }
        Set<String> inherited = imageEnv == null ? Set.of() : Set.of(imageEnv);
        return Arrays.stream(containerEnv).filter(e -> !inherited.contains(e)).toList();
    }

    /** Labels set on the container; the arasul.* labels always, since they make it managed. */
    static Map<String, String> ownLabels(Map<String, String> containerLabels, Map<String, String> imageLabels) {
        Map<String, String> own = new LinkedHashMap<>();
        if (containerLabels == null) {
            return own;
        }
        containerLabels.forEach((key, value) -> {
            boolean inherited = imageLabels != null && value.equals(imageLabels.get(key));
            if (!inherited || key.startsWith("arasul.")) {
                own.put(key, value);
            }
        });
        return own;
    }

    private static boolean differs(String container, String image) {
        return container != null && !container.isEmpty() && !container.equals(image == null ? "" : image);
    }
}

package com.arasul.updates.facts;

import com.arasul.updates.format.Component;
import com.arasul.updates.format.Manifest;
import com.arasul.updates.format.SemanticVersion;
import java.util.List;

/**
 * What a verified package says about itself, as the update rules see it.
 *
 * @param version the version the package installs
 * @param minVersion the oldest installed version it may update
 * @param componentTypes the type of each component: {@code image}, {@code migrations}, {@code rules}
 * @param imageServices the service of each image component, i.e. the containers it replaces
 * @param payloadBytes the sum of its payload file sizes
 * @param requiresReboot whether the box must reboot after installing it
 * @param keyId the key it is signed with
 */
public record UpdateManifest(
        SemanticVersion version,
        SemanticVersion minVersion,
        List<String> componentTypes,
        List<String> imageServices,
        long payloadBytes,
        boolean requiresReboot,
        String keyId) {

    public UpdateManifest {
        componentTypes = List.copyOf(componentTypes);
        imageServices = List.copyOf(imageServices);
    }

    public static UpdateManifest of(Manifest manifest) {
        return new UpdateManifest(manifest.version(), manifest.minVersion(),
                manifest.components().stream().map(Component::type).toList(),
                manifest.components().stream().filter(c -> c instanceof Component.Image)
                        .map(c -> ((Component.Image) c).service()).toList(),
                manifest.payloadBytes(), manifest.requiresReboot(), manifest.keyId());
    }
}

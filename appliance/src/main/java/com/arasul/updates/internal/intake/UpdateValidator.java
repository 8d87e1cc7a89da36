package com.arasul.updates.internal.intake;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.ManagedService;
import com.arasul.platform.ApplianceActivity;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.facts.BoxState;
import com.arasul.updates.facts.Refusal;
import com.arasul.updates.facts.UpdateManifest;
import com.arasul.updates.format.Component;
import com.arasul.updates.format.Manifest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Puts a verified manifest and the box's state before the update rules: when a package arrives,
 * and again when its turn to be applied comes (the box may have moved on meanwhile).
 */
public final class UpdateValidator {

    static final List<String> KNOWN_COMPONENT_TYPES =
            List.of(Component.Image.TYPE, Component.Migrations.TYPE, Component.Rules.TYPE);

    private final UpdateRules rules;
    private final InstalledVersion installed;
    private final ContainerActions containers;
    private final ApplianceActivity activity;
    private final UpdateProperties properties;
    private final Clock clock;

    UpdateValidator(UpdateRules rules, InstalledVersion installed, ContainerActions containers,
            ApplianceActivity activity, UpdateProperties properties, Clock clock) {
        this.rules = rules;
        this.installed = installed;
        this.containers = containers;
        this.activity = activity;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param freeDiskBytes free space of the staging file system before the package was unpacked */
    public List<Refusal> refusals(Manifest manifest, long freeDiskBytes) {
        return rules.refusals(UpdateManifest.of(manifest), boxState(freeDiskBytes));
    }

    BoxState boxState(long freeDiskBytes) {
        List<String> managed = containers.services().stream().map(ManagedService::name).sorted().toList();
        return new BoxState(installed.current(), managed, properties.selfService(), KNOWN_COMPONENT_TYPES,
                freeDiskBytes, properties.diskSpaceFactor(),
                activity.runningUpdate().map(ApplianceActivity.RunningUpdate::version).orElse(null),
                activity.criticalHealing().map(ApplianceActivity.CriticalHealing::category).orElse(null),
                LocalDateTime.now(clock));
    }
}

package com.arasul.healing.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the healing engine runs ({@code arasul.healing.engine.*}); the limits of the safety floor are
 * in {@link com.arasul.healing.HealingProperties}.
 *
 * @param scope a regular expression over service names: only matching services are fed to the rules
 *     and acted on; the others are left alone (an integrator's way to keep the engine off a service,
 *     and a test's way to keep it off other people's containers on a shared engine)
 * @param factQueue facts waiting for the feeding thread; when full, facts are dropped and counted
 * @param decisionQueue action requests waiting to be decided, and as many records (failures,
 *     decisions, results) waiting to be written beside them
 * @param actionQueue decided actions waiting for their lane (one lane per service, one for the host)
 * @param actionThreads actions running at once, each on its own lane
 * @param rebootGrace how long running workflows get to finish before a reboot
 * @param criticalQuiet critical healing counts as over once no C or D action ran for this long
 * @param liveMaxSessions WebSocket clients of {@code /api/self-healing/live}
 * @param liveSendBufferBytes per client, what may wait to be sent before the client is dropped
 * @param liveSendTimeLimit per client, how long one send may take before the client is dropped
 * @param pruneLabels if set, a disk cleanup prunes only dangling images with these labels
 *     ({@code key} or {@code key=value}); empty prunes every dangling image
 */
@Validated
@ConfigurationProperties("arasul.healing.engine")
public record HealingEngineProperties(
        @NotBlank @DefaultValue(".*") String scope,
        @Min(10) @Max(100_000) @DefaultValue("1000") int factQueue,
        @Min(10) @Max(10_000) @DefaultValue("200") int decisionQueue,
        @Min(10) @Max(10_000) @DefaultValue("100") int actionQueue,
        @Min(2) @Max(32) @DefaultValue("4") int actionThreads,
        @NotNull @DefaultValue("2m") Duration rebootGrace,
        @NotNull @DefaultValue("10m") Duration criticalQuiet,
        @Min(1) @Max(100) @DefaultValue("10") int liveMaxSessions,
        @Min(1024) @DefaultValue("262144") int liveSendBufferBytes,
        @NotNull @DefaultValue("5s") Duration liveSendTimeLimit,
        List<String> pruneLabels) {

    public HealingEngineProperties {
        pruneLabels = pruneLabels == null ? List.of() : List.copyOf(pruneLabels);
        Pattern.compile(scope); // a bad pattern fails the start with the property's name
    }
}

package com.arasul.updates.internal.apply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How packages are applied.
 *
 * @param healthTimeout how long each touched service has to run (and, with a health check, to be
 *     healthy) before the update is rolled back
 * @param selfService the appliance's own service: a package replacing it is refused for now
 * @param pollInterval how often the apply queue is looked at: each look is a transaction on the
 *     database, so on a box that idles for years it is seconds, not less (an update starts that
 *     much later, which nobody waiting for a minutes-long update notices)
 * @param pgDumpTimeout how long the database backup may take before the update is given up
 */
@Validated
@ConfigurationProperties("arasul.updates")
public record ApplyProperties(
        @DefaultValue("120s") @NotNull Duration healthTimeout,
        @DefaultValue("arasul") @NotBlank String selfService,
        @DefaultValue("5s") @NotNull Duration pollInterval,
        @DefaultValue("10m") @NotNull Duration pgDumpTimeout) {
}

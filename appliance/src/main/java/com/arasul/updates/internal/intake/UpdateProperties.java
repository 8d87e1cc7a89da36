package com.arasul.updates.internal.intake;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How update packages come in. Folders left empty lie below the data folder.
 *
 * @param trustedKeys public keys packages may be signed with; default {@code <data>/config/update-keys}
 * @param staging where verified payloads are unpacked, one folder per package id; default {@code <data>/updates/staged}
 * @param incoming where uploads are written while they are checked; default {@code <data>/updates/incoming}
 * @param rulesDir the rules folder whose {@code updates/} rules are added to the shipped ones; default {@code <data>/rules}
 * @param maxPackageSize the largest package accepted (by upload or stick)
 * @param maxFiles most payload files a package may hold
 * @param usbRoots mount roots searched for {@code <stick>/updates/*.araupdate} ({@code ARASUL_USB_ROOTS})
 * @param usbSettleAge files on a stick younger than this are still being copied and are held back
 * @param usbPollInterval how often the roots are rescanned, as a backstop for the file watcher
 * @param selfService the service name of the appliance's own container, which packages may not replace
 * @param diskSpaceFactor free disk needed on the staging file system, as a multiple of the payload
 * @param queueCapacity most packages waiting in the durable apply queue
 * @param maxEventStreams live progress streams open at once
 * @param eventStreamTimeout how long one live progress stream stays open
 * @param uploadReserve free disk an upload must leave on the incoming folder's file system
 *     ({@code ARASUL_UPLOAD_RESERVE}); an upload that would eat into it is refused before a byte is written
 * @param maxParallelUploads uploads received at once; more are answered 429
 */
@Validated
@ConfigurationProperties("arasul.updates")
public record UpdateProperties(
        Path trustedKeys,
        Path staging,
        Path incoming,
        Path rulesDir,
        @DefaultValue("20GB") @NotNull DataSize maxPackageSize,
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxFiles,
        @DefaultValue({"/media", "/run/media", "/mnt/usb"}) @NotNull List<Path> usbRoots,
        @DefaultValue("10s") @NotNull Duration usbSettleAge,
        @DefaultValue("10s") @NotNull Duration usbPollInterval,
        @DefaultValue("arasul") @NotBlank String selfService,
        @DefaultValue("2") @DecimalMin("1") double diskSpaceFactor,
        @DefaultValue("20") @Min(1) @Max(1000) int queueCapacity,
        @DefaultValue("10") @Min(1) @Max(100) int maxEventStreams,
        @DefaultValue("30m") @NotNull Duration eventStreamTimeout,
        @DefaultValue("1GB") @NotNull DataSize uploadReserve,
        @DefaultValue("2") @Min(1) @Max(16) int maxParallelUploads) {

    Path trustedKeys(Path dataDir) {
        return below(trustedKeys, dataDir, "config/update-keys");
    }

    Path staging(Path dataDir) {
        return below(staging, dataDir, "updates/staged");
    }

    Path incoming(Path dataDir) {
        return below(incoming, dataDir, "updates/incoming");
    }

    Path rulesDir(Path dataDir) {
        return below(rulesDir, dataDir, "rules");
    }

    private static Path below(Path configured, Path dataDir, String fallback) {
        return (configured != null ? configured : dataDir.resolve(fallback)).toAbsolutePath().normalize();
    }
}

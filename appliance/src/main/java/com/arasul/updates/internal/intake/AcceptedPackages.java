package com.arasul.updates.internal.intake;

import com.arasul.storage.ObjectStorage;
import com.arasul.storage.StorageBuckets;
import com.arasul.updates.UpdateStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every accepted package in the object storage's {@code updates} bucket (versioned, never
 * expiring) beside its validation result: {@code <version>/<id>.araupdate} and
 * {@code <version>/<id>.validation.json}. Keeping is a courtesy, never a condition: while the storage
 * is not configured, down or failing, the update goes on and the journal says why it was not kept.
 */
final class AcceptedPackages {

    static final String PACKAGE_SUFFIX = ".araupdate";
    static final String RESULT_SUFFIX = ".validation.json";

    private static final Logger log = LoggerFactory.getLogger(AcceptedPackages.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectStorage storage;
    private final Path workFolder;
    private final Clock clock;

    AcceptedPackages(ObjectStorage storage, Path workFolder, Clock clock) {
        this.storage = storage;
        this.workFolder = workFolder;
        this.clock = clock;
    }

    /** Whether the package was kept, and the journal's sentence about it. */
    record Outcome(boolean kept, String sentence) {
    }

    /** The key of a package's archive in the bucket; its validation result lies beside it. */
    static String keyOf(Candidate candidate) {
        return candidate.version() + "/" + candidate.id() + PACKAGE_SUFFIX;
    }

    /**
     * Puts the package and its validation result into the bucket.
     *
     * @return for the package's journal: kept where, or why not; empty when no object
     *     storage is configured, the embedded box's normal state
     */
    Optional<Outcome> keep(Candidate candidate, UpdateStatus acceptedAs) {
        if (!storage.configured()) {
            return Optional.empty();
        }
        var health = storage.health();
        if (!health.up()) {
            return Optional.of(notKept(candidate, health.detail()));
        }
        String key = keyOf(candidate);
        Path result = null;
        try {
            result = Files.createTempFile(workFolder, ".validation-", ".json");
            Files.write(result, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(validationResult(candidate, acceptedAs)));
            storage.put(StorageBuckets.UPDATES, key, candidate.incoming().file(), "application/octet-stream");
            storage.put(StorageBuckets.UPDATES, key.substring(0, key.length() - PACKAGE_SUFFIX.length()) + RESULT_SUFFIX,
                    result, "application/json");
            log.info("Update package {} kept in the {} bucket as {}", candidate.id(), StorageBuckets.UPDATES, key);
            return Optional.of(new Outcome(true, "Kept in the object storage's " + StorageBuckets.UPDATES + " bucket as "
                    + key + ", beside its validation result."));
        } catch (IOException | RuntimeException e) {
            return Optional.of(notKept(candidate, e.getMessage()));
        } finally {
            if (result != null) {
                try {
                    Files.deleteIfExists(result);
                } catch (IOException e) {
                    log.warn("Could not remove {}: {}", result, e.getMessage());
                }
            }
        }
    }

    private Map<String, Object> validationResult(Candidate candidate, UpdateStatus acceptedAs) {
        var manifest = candidate.verified().manifest();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("package_id", candidate.id().toString());
        result.put("version", candidate.version());
        result.put("min_version", manifest.minVersion().toString());
        result.put("key_id", manifest.keyId());
        result.put("file_name", candidate.incoming().fileName());
        result.put("sha256", candidate.incoming().sha256());
        result.put("size_bytes", candidate.incoming().size());
        result.put("source", candidate.incoming().source().column());
        result.put("accepted_at", clock.instant().toString());
        result.put("accepted_as", acceptedAs.name());
        result.put("verified", "The signature and all " + manifest.files().size() + " files check out.");
        result.put("validated", "Version " + candidate.version() + " fits this box; no update rule refused it.");
        result.put("refusals", List.of());
        return result;
    }

    private static Outcome notKept(Candidate candidate, String why) {
        log.warn("Update package {} was not kept in the object storage: {}", candidate.id(), why);
        return new Outcome(false, "Not kept in the object storage (" + why + "); the update goes on without that copy.");
    }
}

package com.arasul.storage.internal;

import io.minio.BucketExistsArgs;
import io.minio.DeleteBucketLifecycleArgs;
import io.minio.DeleteBucketPolicyArgs;
import io.minio.GetBucketLifecycleArgs;
import io.minio.GetBucketPolicyArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.SetBucketLifecycleArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Filter;
import io.minio.messages.LifecycleConfiguration;
import io.minio.messages.Status;
import io.minio.messages.VersioningConfiguration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the buckets match their {@link BucketSpec}: created when missing, no access policy (private),
 * versioning and expiry as specified. Running it twice changes nothing the second time. A setting that
 * differs on a bucket that already existed was changed by someone: it is put back and reported as a
 * warning. An API the server does not offer is reported as such and the rest still done.
 */
final class BucketReconciler {

    private final MinioClient client;

    BucketReconciler(MinioClient client) {
        this.client = client;
    }

    /** What one pass did. */
    public record Outcome(List<String> changes, List<String> warnings, List<String> unsupported) {
    }

    Outcome reconcile(List<BucketSpec> specs) throws MinioException {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (BucketSpec spec : specs) {
            boolean created = !client.bucketExists(BucketExistsArgs.builder().bucket(spec.name()).build());
            if (created) {
                client.makeBucket(MakeBucketArgs.builder().bucket(spec.name()).build());
                outcome.changes.add("created bucket " + spec.name());
            }
            unsupportedAs(outcome, spec, "bucket policies", () -> policy(spec, created, outcome));
            unsupportedAs(outcome, spec, "versioning", () -> versioning(spec, created, outcome));
            unsupportedAs(outcome, spec, "lifecycle (expiry)", () -> lifecycle(spec, created, outcome));
        }
        return outcome;
    }

    private void policy(BucketSpec spec, boolean created, Outcome outcome) throws MinioException {
        String policy = policyOf(client, spec.name());
        if (!policy.isEmpty()) {
            client.deleteBucketPolicy(DeleteBucketPolicyArgs.builder().bucket(spec.name()).build());
            changed(outcome, created, spec, "had an access policy; it was removed so the bucket is private again");
        }
    }

    private void versioning(BucketSpec spec, boolean created, Outcome outcome) throws MinioException {
        VersioningConfiguration.Status status = client.getBucketVersioning(
                GetBucketVersioningArgs.builder().bucket(spec.name()).build()).status();
        boolean enabled = status == VersioningConfiguration.Status.ENABLED;
        if (enabled == spec.versioned()) {
            return;
        }
        if (!spec.versioned() && status == VersioningConfiguration.Status.OFF) {
            return;
        }
        var wanted = spec.versioned() ? VersioningConfiguration.Status.ENABLED : VersioningConfiguration.Status.SUSPENDED;
        client.setBucketVersioning(SetBucketVersioningArgs.builder().bucket(spec.name())
                .config(new VersioningConfiguration(wanted, null, null, null)).build());
        changed(outcome, created, spec, "had versioning " + text(status) + "; it is "
                + text(wanted) + " again");
    }

    private void lifecycle(BucketSpec spec, boolean created, Outcome outcome) throws MinioException {
        LifecycleConfiguration current = client.getBucketLifecycle(GetBucketLifecycleArgs.builder().bucket(spec.name()).build());
        boolean hasRules = current != null && current.rules() != null && !current.rules().isEmpty();
        if (spec.expiryDays() == 0) {
            if (hasRules) {
                client.deleteBucketLifecycle(DeleteBucketLifecycleArgs.builder().bucket(spec.name()).build());
                changed(outcome, created, spec, "had an expiry rule; its objects are kept again");
            }
            return;
        }
        if (hasRules && matches(current, spec)) {
            return;
        }
        client.setBucketLifecycle(SetBucketLifecycleArgs.builder().bucket(spec.name()).config(wanted(spec)).build());
        changed(outcome, created, spec, (hasRules ? "had a different expiry" : "had no expiry")
                + "; it is set to " + spec.lifecycleText() + " again");
    }

    static LifecycleConfiguration wanted(BucketSpec spec) {
        var rule = new LifecycleConfiguration.Rule(Status.ENABLED, null,
                new LifecycleConfiguration.Expiration((ZonedDateTime) null, spec.expiryDays(), null, null),
                new Filter(""), BucketSpec.RULE_ID,
                spec.noncurrentExpiry() ? new LifecycleConfiguration.NoncurrentVersionExpiration(spec.expiryDays(), null) : null,
                null, null);
        return new LifecycleConfiguration(List.of(rule));
    }

    static boolean matches(LifecycleConfiguration current, BucketSpec spec) {
        if (current.rules().size() != 1) {
            return false;
        }
        var rule = current.rules().getFirst();
        boolean expiry = rule.status() == Status.ENABLED && rule.expiration() != null
                && rule.expiration().days() != null && rule.expiration().days() == spec.expiryDays();
        boolean noncurrent = spec.noncurrentExpiry()
                ? rule.noncurrentVersionExpiration() != null && rule.noncurrentVersionExpiration().noncurrentDays() == spec.expiryDays()
                : rule.noncurrentVersionExpiration() == null;
        return expiry && noncurrent;
    }

    /** The bucket's policy document, empty when it has none. */
    static String policyOf(MinioClient client, String bucket) throws MinioException {
        try {
            String policy = client.getBucketPolicy(GetBucketPolicyArgs.builder().bucket(bucket).build());
            return policy == null ? "" : policy.strip();
        } catch (ErrorResponseException e) {
            // MinIO says NoSuchBucketPolicy; other servers use other codes with a 404
            if ("NoSuchBucketPolicy".equals(e.errorResponse().code())
                    || e.response() != null && e.response().code() == 404) {
                return "";
            }
            throw e;
        }
    }

    static boolean notImplemented(MinioException e) {
        return e instanceof ErrorResponseException response
                && ("NotImplemented".equals(response.errorResponse().code()) || response.response() != null
                        && response.response().code() == 501);
    }

    private static void changed(Outcome outcome, boolean expected, BucketSpec spec, String what) {
        if (expected) {
            outcome.changes.add("bucket " + spec.name() + " set up: " + what);
        } else {
            outcome.warnings.add("Bucket " + spec.name() + " " + what + ".");
        }
    }

    private static String text(VersioningConfiguration.Status status) {
        return status == null ? "off" : status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private interface Step {
        void run() throws MinioException;
    }

    private static void unsupportedAs(Outcome outcome, BucketSpec spec, String api, Step step) throws MinioException {
        try {
            step.run();
        } catch (MinioException e) {
            if (!notImplemented(e)) {
                throw e;
            }
            String note = api + " not supported by this server";
            if (!outcome.unsupported.contains(note)) {
                outcome.unsupported.add(note);
            }
        }
    }
}

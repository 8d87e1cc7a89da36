package com.arasul.updates;

import com.arasul.containers.DockerCli;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import java.nio.file.Path;

/**
 * The service images the apply tests update between, built from busybox: each writes its version
 * to {@code /version} and has a health check; v3's health check always fails.
 */
final class UpdateTestImages {

    static final String PREFIX = "uig-a-";
    static final String REPOSITORY = PREFIX + "svc";

    private UpdateTestImages() {
    }

    static synchronized void build() {
        version("v1", "test -f /version");
        version("v2", "test -f /version");
        version("v3", "false");
    }

    private static void version(String version, String healthCheck) {
        String image = REPOSITORY + ":" + version;
        if (DockerCli.docker("image", "inspect", image).exitCode() == 0) {
            return;
        }
        TestImages.build(image,
                "LABEL uap.version=" + version,
                "HEALTHCHECK --interval=1s --timeout=1s --retries=1 CMD " + healthCheck,
                "CMD [\"sh\", \"-c\", \"echo " + version + " > /version; trap 'exit 0' TERM; while true; do sleep 1; done\"]");
    }

    /** {@code docker save} of one version into {@code dir}. */
    static Path save(String version, Path dir) {
        Path tar = dir.resolve(version + ".tar");
        DockerCli.docker("save", "-o", tar.toString(), REPOSITORY + ":" + version).orFail();
        return tar;
    }

    /** A fresh managed container of {@code service} running {@code version}, labels as given. */
    static void run(String service, String version, String... labels) {
        remove(service);
        var args = new java.util.ArrayList<>(java.util.List.of("run", "-d", "--name", service, "--restart", "unless-stopped",
                "--label", ServiceLabels.SERVICE + "=" + service));
        for (String label : labels) {
            args.add("--label");
            args.add(label);
        }
        args.add(REPOSITORY + ":" + version);
        DockerCli.docker(args.toArray(String[]::new)).orFail();
    }

    static void remove(String service) {
        DockerCli.docker("rm", "-f", service);
        DockerCli.docker("rm", "-f", service + "-arasul-previous");
    }

    /** The version the service's running container wrote, e.g. {@code v2}. */
    static String runningVersion(String service) {
        return DockerCli.docker("exec", service, "cat", "/version").orFail().out().strip();
    }

    static String imageOf(String service) {
        return DockerCli.inspect(service, "{{.Image}}");
    }

    static String imageId(String version) {
        return DockerCli.inspect(REPOSITORY + ":" + version, "{{.Id}}");
    }
}

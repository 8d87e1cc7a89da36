package com.arasul.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The managed service the update tests replace, {@code uig-svc}: v1 and v2 built from the busybox
 * base image the appliance tests import. Each writes its version to {@code /version}. v2 is made
 * slow to install and slow to turn healthy on purpose (see {@link UpdateKilledMidwayTests}).
 */
final class ServiceImages {

    static final String SERVICE = "uig-svc";
    private static final String BASE = "arasul-test/busybox:base";

    private ServiceImages() {
    }

    static void buildV1AndV2() {
        if (Docker.run("version").exitCode() != 0) {
            throw new AssertionError("no Docker engine answers; the update end-to-end tests need one");
        }
        if (Docker.run("image", "inspect", BASE).exitCode() != 0) {
            throw new AssertionError(BASE + " is missing: the appliance's Docker tests import it from /bin/busybox "
                    + "(mvn verify runs them before this module)");
        }
        build("v1", "", 1);
        build("v2", "RUN dd if=/dev/urandom of=/ballast bs=1048576 count=160\n", 4);
    }

    private static void build(String version, String extra, int healthIntervalSeconds) {
        String dockerfile = "FROM " + BASE + "\n" + extra
                + "HEALTHCHECK --interval=" + healthIntervalSeconds + "s --timeout=1s --retries=1 CMD test -f /version\n"
                + "CMD [\"sh\", \"-c\", \"echo " + version + " > /version; trap 'exit 0' TERM; while true; do sleep 1; done\"]\n";
        Docker.run(dockerfile.getBytes(StandardCharsets.UTF_8), "build", "-q", "-t", SERVICE + ":" + version, "-").orFail();
    }

    static Path save(String version, Path dir) {
        Path tar = dir.resolve(version + ".tar");
        Docker.run("save", "-o", tar.toString(), SERVICE + ":" + version).orFail();
        return tar;
    }

    /** A fresh managed container of the service on {@code version}. */
    static void runService(String version) {
        Docker.run("rm", "-f", SERVICE);
        Docker.run("run", "-d", "--name", SERVICE, "--restart", "unless-stopped", "--label", "arasul.service=" + SERVICE,
                SERVICE + ":" + version).orFail();
    }

    /** What the running container wrote into {@code /version}. */
    static String runningVersion() {
        return Docker.run("exec", SERVICE, "cat", "/version").orFail().out().strip();
    }

    static String imageIdOfService() {
        return Docker.inspect(SERVICE, "{{.Image}}");
    }

    static String imageId(String version) {
        return Docker.inspect(SERVICE + ":" + version, "{{.Id}}");
    }
}

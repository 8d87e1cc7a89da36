package com.arasul.containers;

/**
 * Real-Docker tests need an engine. When none answers they fail, with the reason, rather than
 * skip: a green build must mean the Docker paths were exercised (on CI, where {@code CI=true},
 * and everywhere else too).
 */
public final class DockerEngine {

    private static volatile boolean answered;

    private DockerEngine() {
    }

    public static void require() {
        if (answered) {
            return;
        }
        var version = DockerCli.docker("version", "--format", "{{.Server.APIVersion}}");
        if (version.exitCode() != 0 || version.out().isBlank()) {
            String where = "true".equalsIgnoreCase(System.getenv("CI")) ? " on CI" : "";
            throw new AssertionError("no Docker engine answers" + where + " (these tests need one): "
                    + version.err().strip());
        }
        answered = true;
    }
}

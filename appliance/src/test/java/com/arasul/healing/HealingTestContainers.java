package com.arasul.healing;

import static com.arasul.containers.DockerCli.docker;

import com.arasul.containers.DockerCli;
import com.arasul.containers.ServiceLabels;
import com.arasul.containers.TestImages;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Containers and records for the healing tests: everything named {@code hea-}, nothing of anybody else's. */
final class HealingTestContainers {

    static final String PREFIX = "hea-";
    static final String SLEEPER = PREFIX + "sleeper:v1";
    static final String HEALTH = PREFIX + "health:v1";
    static final String CRASHER = PREFIX + "crasher:v1";

    private HealingTestContainers() {
    }

    static void images() {
        TestImages.sleeper(SLEEPER);
        TestImages.healthChecked(HEALTH);
        // runs two seconds, then fails: a crash loop once something keeps restarting it
        TestImages.build(CRASHER, "CMD [\"sh\", \"-c\", \"sleep 2; exit 3\"]");
    }

    /** A managed container without a restart policy: only the engine brings it back. */
    static String runManaged(String service, String image) {
        docker("rm", "-f", service);
        return docker("run", "-d", "--name", service, "--label", ServiceLabels.SERVICE + "=" + service, image)
                .orFail().out().strip();
    }

    /** SIGKILL from the host, as a crash looks to Docker (not {@code docker kill}, which is a person's stop); answers when. */
    static Instant killMainProcess(String container) {
        String pid = DockerCli.inspect(container, "{{.State.Pid}}");
        try {
            int exit = new ProcessBuilder("kill", "-9", pid).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new AssertionError("kill -9 " + pid + " exited " + exit);
            }
            return Instant.now();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean running(String container) {
        return "true".equals(DockerCli.docker("inspect", "--format", "{{.State.Running}}", container).out().strip());
    }

    static Instant startedAt(String container) {
        return Instant.parse(DockerCli.inspect(container, "{{.State.StartedAt}}"));
    }

    static int actions(JdbcTemplate jdbc, String service, String type, String mode) {
        return jdbc.queryForObject("SELECT count(*) FROM recovery_actions WHERE service = ? AND action_type = ?"
                + " AND mode = ?", Integer.class, service, type, mode);
    }

    static int events(JdbcTemplate jdbc, String service, String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE service = ? AND event_type = ?",
                Integer.class, service, eventType);
    }

    static void removeAll() {
        DockerCli.removeEverythingNamed(PREFIX);
    }
}

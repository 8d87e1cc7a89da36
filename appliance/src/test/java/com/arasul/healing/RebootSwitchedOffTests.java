package com.arasul.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.platform.CommandRunner;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.TelemetryChannels;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/** Without ARASUL_REBOOT_ENABLED a full disk asks for the reboot and the floor says why the owner has to do it. */
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.reboot-enabled=false",
        "arasul.healing.engine.scope=rbt-.*", RecordingCommandRunner.REBOOT_COMMAND_PROPERTY})
class RebootSwitchedOffTests {

    private static final RecordingCommandRunner RUNNER = new RecordingCommandRunner();

    @TestBean
    CommandRunner commandRunner;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier(TelemetryChannels.METRIC_SAMPLES)
    MessageChannel samples;

    static CommandRunner commandRunner() {
        return RUNNER;
    }

    @Test
    void aFullDiskIsSuppressedWithTheReasonAndNoCommand() {
        assertThat(context.getBeansOfType(CommandRunner.class).values()).containsExactly(RUNNER);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String sql = "SELECT description FROM self_healing_events WHERE event_type = 'action_suppressed'"
                + " AND action_taken = 'REBOOT_HOST' AND rule_name = 'D reboot the host'";

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            samples.send(MessageBuilder.withPayload(new MetricSample(Instant.now(),
                    Map.of(MetricNames.diskPercent("/rbt-data"), 98.4))).build());
            return !jdbc.queryForList(sql, String.class).isEmpty();
        });

        assertThat(jdbc.queryForList(sql, String.class)).containsExactly(
                "Reboots are switched off (ARASUL_REBOOT_ENABLED is not true); the owner has to reboot the box.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reboot_events", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recovery_actions WHERE action_type = 'REBOOT_HOST'",
                Integer.class)).isZero();
        assertThat(RUNNER.reboots()).isEmpty();
    }
}

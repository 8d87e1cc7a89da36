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
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The whole appliance, confined to {@code rbt-} services, whose data disk stays full until the healing
 * journal shows what became of the reboot it asks for; every host command is recorded, none is run.
 * The tests of how far such a reboot gets (observed, switched off) add their mode on top.
 */
@ApplianceTest
@TestPropertySource(properties = {"arasul.healing.engine.scope=rbt-.*", RecordingCommandRunner.REBOOT_COMMAND_PROPERTY})
abstract class FullDiskAppliance {

    @TestBean
    CommandRunner commandRunner;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier(TelemetryChannels.METRIC_SAMPLES)
    MessageChannel samples;

    JdbcTemplate jdbc;

    /** A runner of its own for each application, so that no test class sees another's commands. */
    static CommandRunner commandRunner() {
        return new RecordingCommandRunner();
    }

    @BeforeEach
    void connect() {
        jdbc = new JdbcTemplate(dataSource);
    }

    /** The runner in place of the platform's, so nothing can reach the host; fails if it is not the only one. */
    RecordingCommandRunner recordingRunner() {
        assertThat(context.getBeansOfType(CommandRunner.class).values()).singleElement()
                .isInstanceOf(RecordingCommandRunner.class);
        return (RecordingCommandRunner) context.getBean(CommandRunner.class);
    }

    /** Reports {@code /rbt-data} 98.4 % full, sample after sample, until the query finds rows; answers them. */
    List<String> fillTheDiskUntil(String sql) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            samples.send(MessageBuilder.withPayload(new MetricSample(Instant.now(),
                    Map.of(MetricNames.diskPercent("/rbt-data"), 98.4))).build());
            return !jdbc.queryForList(sql, String.class).isEmpty();
        });
        return jdbc.queryForList(sql, String.class);
    }
}

package com.arasul.healing;

import static com.arasul.healing.RecordingCommandRunner.REBOOT_COMMAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ApplianceTest;
import com.arasul.healing.RecordingCommandRunner.Call;
import com.arasul.healing.internal.HealingConfiguration;
import com.arasul.platform.ApplianceActivity;
import com.arasul.platform.CommandRunner;
import com.arasul.telemetry.MetricNames;
import com.arasul.telemetry.MetricSample;
import com.arasul.telemetry.TelemetryChannels;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Category D end to end in the whole appliance, acting, with reboots switched on: the reboot goes
 * through the safety floor and the checks at the moment it runs, is saved as a PENDING row before
 * the command is issued, and waits for running workflows. The host command is recorded, never run.
 */
@ApplianceTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"arasul.healing.mode=act", "arasul.healing.reboot-enabled=true",
        "arasul.healing.max-reboots-per-hour=10", "arasul.healing.engine.scope=rbt-.*",
        "arasul.healing.engine.reboot-grace=8s", RecordingCommandRunner.REBOOT_COMMAND_PROPERTY})
class UltimaRatioRebootTests {

    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final RecordingCommandRunner RUNNER = new RecordingCommandRunner();

    @TestBean
    CommandRunner commandRunner;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    ApplianceActivity activity;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier(TelemetryChannels.METRIC_SAMPLES)
    MessageChannel samples;

    @Autowired
    @Qualifier(HealingConfiguration.DECISIONS)
    MessageChannel decisions;

    JdbcTemplate jdbc;

    static CommandRunner commandRunner() {
        return RUNNER;
    }

    @BeforeEach
    void forgetEarlierCommands() {
        jdbc = new JdbcTemplate(dataSource);
        RUNNER.forget();
        RUNNER.whenCalled(() -> jdbc.queryForList("SELECT status, reason, state_before::text AS state_before"
                + " FROM reboot_events ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void aFullDiskRebootsTheHostAfterSavingItsStateAsPending() {
        assertThat(context.getBeansOfType(CommandRunner.class).values()).containsExactly(RUNNER);

        // the telemetry's own samples keep coming; only the newest waits for the rules, so say it until heard
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            samples.send(MessageBuilder.withPayload(new MetricSample(Instant.now(),
                    Map.of(MetricNames.diskPercent("/rbt-data"), 98.4))).build());
            return !RUNNER.reboots().isEmpty();
        });

        Call reboot = RUNNER.reboots().getFirst();
        assertThat(reboot.command()).isEqualTo(REBOOT_COMMAND);
        assertThat(seenRow(reboot)).containsEntry("status", "PENDING")
                .containsEntry("reason", "The disk /rbt-data is 98 % full, above the last limit."
                        + " Rebooting the box as the last resort.");
        assertThat((String) seenRow(reboot).get("state_before")).contains("\"reason\"", "\"services\"", "\"at\"");
        Map<String, Object> action = awaitAction("The disk /rbt-data is 98 % full, above the last limit."
                + " Rebooting the box as the last resort.");
        assertThat(action).containsEntry("rule_name", "D reboot the host").containsEntry("success", true);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM self_healing_events WHERE event_type = 'reboot_pending'"
                + " AND description LIKE 'Rebooting the box: The disk /rbt-data is 98 % full%'", Integer.class))
                .isEqualTo(1);
        assertThat(RUNNER.reboots()).hasSize(1);
    }

    @Test
    void noRebootWhileAnUpdateIsBeingApplied() {
        UUID update = UUID.randomUUID();
        assertThat(activity.updateStarted(update, "9.9.9-rbt", Set.of("rbt-llm"))).isTrue();
        try {
            ask("rbt: reboot during an update");

            assertThat(awaitAction("rbt: reboot during an update")).containsEntry("success", false)
                    .containsEntry("result", "Not rebooting: an update is being applied.");
            assertThat(RUNNER.reboots()).isEmpty();
            assertThat(rebootRows("rbt: reboot during an update")).isZero();
        } finally {
            activity.updateEnded(update);
        }
    }

    @Test
    void runningWorkflowsGetTheGraceToFinishThenTheRebootGoesAhead() {
        jdbc.update("INSERT INTO workflow_activity (workflow_name, status) VALUES ('rbt-nightly-import', 'running')");
        try {
            Instant asked = Instant.now();
            ask("rbt: reboot with a workflow running");

            await().atMost(GRACE.plusSeconds(30)).until(() -> !RUNNER.reboots().isEmpty());
            Call reboot = RUNNER.reboots().getFirst();
            assertThat(Duration.between(asked, reboot.at())).isGreaterThanOrEqualTo(GRACE);
            assertThat(seenRow(reboot)).containsEntry("status", "PENDING")
                    .containsEntry("reason", "rbt: reboot with a workflow running");
            assertThat(awaitAction("rbt: reboot with a workflow running")).containsEntry("success", true);
        } finally {
            jdbc.update("INSERT INTO workflow_activity (workflow_name, status) VALUES ('rbt-nightly-import', 'success')");
        }
    }

    @Test
    void aWorkflowThatFinishesEarlyLetsTheRebootGoAheadEarly() {
        jdbc.update("INSERT INTO workflow_activity (workflow_name, status) VALUES ('rbt-report', 'running')");
        Instant asked = Instant.now();
        ask("rbt: reboot once the report is done");

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> RUNNER.reboots().isEmpty());
        jdbc.update("INSERT INTO workflow_activity (workflow_name, status, duration_ms) VALUES ('rbt-report', 'success', 2000)");

        await().atMost(GRACE).until(() -> !RUNNER.reboots().isEmpty());
        assertThat(Duration.between(asked, RUNNER.reboots().getFirst().at())).isLessThan(GRACE);
        assertThat(awaitAction("rbt: reboot once the report is done")).containsEntry("success", true);
    }

    @Test
    void noRebootWhenTheDatabaseCannotRecordIt(CapturedOutput output) throws SQLException {
        database("ALTER DATABASE postgres ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
        try {
            ask("rbt: reboot without a database");

            await().atMost(Duration.ofSeconds(60)).until(() -> output.getOut()
                    .contains("Reboot refused: the database cannot be reached to record it"));
            assertThat(RUNNER.reboots()).isEmpty();
        } finally {
            database("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> jdbc.queryForObject("SELECT 1", Integer.class) == 1);
        assertThat(rebootRows("rbt: reboot without a database")).isZero();
        assertThat(RUNNER.reboots()).isEmpty();
    }

    private void ask(String reason) {
        decisions.send(MessageBuilder.withPayload(new ActionRequest(ActionType.REBOOT_HOST, null, Category.D,
                "rbt test rule", reason)).build());
    }

    /** The recovery action of a reboot asked for with this reason, once its result is in. */
    private Map<String, Object> awaitAction(String reason) {
        String sql = "SELECT rule_name, success, result FROM recovery_actions WHERE action_type = 'REBOOT_HOST'"
                + " AND reason = ? AND success IS NOT NULL";
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(sql, reason).isEmpty());
        return jdbc.queryForList(sql, reason).getFirst();
    }

    private int rebootRows(String reason) {
        return jdbc.queryForObject("SELECT count(*) FROM reboot_events WHERE reason = ?", Integer.class, reason);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seenRow(Call call) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) call.seen();
        assertThat(rows).as("the reboot_events row when the command was issued").hasSize(1);
        return rows.getFirst();
    }

    /**
     * Runs statements as the appliance's database user (the embedded superuser, with its generated
     * password) from another database, so that this one can be closed and opened.
     */
    private void database(String... statements) throws SQLException {
        String url = dataSource.getJdbcUrl().replaceFirst("/postgres$", "/template1");
        try (Connection c = DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}

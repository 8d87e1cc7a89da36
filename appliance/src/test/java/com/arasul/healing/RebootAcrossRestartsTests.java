package com.arasul.healing;

import static com.arasul.healing.RecordingCommandRunner.REBOOT_COMMAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.ArasulApplication;
import com.arasul.healing.internal.HealingConfiguration;
import com.arasul.platform.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A reboot and the start after it, as two appliances on one data folder (the recording runner
 * stands in for the reboot itself): the next start validates the PENDING row and tells the owner
 * the box came back; the reboots of the last hour are remembered across the restart.
 */
class RebootAcrossRestartsTests {

    private final RecordingCommandRunner runner = new RecordingCommandRunner();

    @Test
    void theNextStartValidatesTheRebootAndAThirdOneWithinTheHourIsRefused() throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(),
                "reboot-");
        try (var first = start(data)) {
            assertThat(first.getBeansOfType(CommandRunner.class).values()).containsExactly(runner);
            JdbcTemplate jdbc = jdbc(first);
            ask(first, "rbt: first reboot");

            assertThat(awaitAction(jdbc, "rbt: first reboot")).containsEntry("success", true);
            assertThat(runner.reboots()).singleElement().satisfies(c -> assertThat(c.command()).isEqualTo(REBOOT_COMMAND));
            assertThat(jdbc.queryForObject("SELECT status FROM reboot_events WHERE reason = 'rbt: first reboot'",
                    String.class)).isEqualTo("PENDING");
        }
        runner.forget();

        try (var second = start(data)) {
            JdbcTemplate jdbc = jdbc(second);
            Map<String, Object> row = jdbc.queryForMap("SELECT status, validated_at, state_before::text AS state_before,"
                    + " state_after::text AS state_after FROM reboot_events WHERE reason = 'rbt: first reboot'");
            assertThat(row).containsEntry("status", "VALIDATED");
            assertThat(row.get("validated_at")).isNotNull();
            assertThat((String) row.get("state_before")).contains("\"reason\": \"rbt: first reboot\"");
            assertThat((String) row.get("state_after")).contains("\"services\"", "\"at\"");
            assertThat(jdbc.queryForList("SELECT description FROM self_healing_events WHERE event_type = 'reboot_validated'",
                    String.class)).singleElement().asString()
                    // the managed services on this engine may be other tests' containers
                    .matches("The box came back after the reboot at \\S+Z \\(rbt: first reboot\\); "
                            + "(no managed services are running|the services now: \\S+ \\w+/\\w+(, \\S+ \\w+/\\w+)*)\\.");

            ask(second, "rbt: second reboot");
            assertThat(awaitAction(jdbc, "rbt: second reboot")).containsEntry("success", true);

            // this run's floor has seen one reboot; reboot_events knows of two
            ask(second, "rbt: third reboot");
            assertThat(awaitAction(jdbc, "rbt: third reboot")).containsEntry("success", false)
                    .containsEntry("result", "Not rebooting: the box was already rebooted 2 times in the last hour.");

            // and now the floor itself refuses before anything runs
            ask(second, "rbt: fourth reboot");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM"
                    + " self_healing_events WHERE event_type = 'action_suppressed' AND description ="
                    + " 'The box was already rebooted 2 times in the last hour; not again.'", Integer.class) == 1);
            assertThat(runner.reboots()).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM reboot_events", Integer.class)).isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(ArasulApplication.class)
                .initializers(runner.replacingTheProcessRunner())
                .run("--arasul.data-dir=" + data, "--server.port=0", "--arasul.healing.mode=act",
                        "--arasul.healing.reboot-enabled=true", "--arasul.healing.engine.scope=rbt-.*",
                        "--arasul.healing.engine.reboot-grace=1s", "--" + RecordingCommandRunner.REBOOT_COMMAND_PROPERTY);
    }

    private static void ask(ConfigurableApplicationContext app, String reason) {
        app.getBean(HealingConfiguration.DECISIONS, MessageChannel.class).send(MessageBuilder.withPayload(
                new ActionRequest(ActionType.REBOOT_HOST, null, Category.D, "rbt test rule", reason)).build());
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
        return new JdbcTemplate(app.getBean(DataSource.class));
    }

    private static Map<String, Object> awaitAction(JdbcTemplate jdbc, String reason) {
        String sql = "SELECT success, result FROM recovery_actions WHERE action_type = 'REBOOT_HOST' AND reason = ?"
                + " AND success IS NOT NULL";
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(sql, reason).isEmpty());
        return jdbc.queryForList(sql, reason).getFirst();
    }
}

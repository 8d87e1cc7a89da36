package com.arasul.host;

import com.arasul.host.internal.HostCommands;
import com.arasul.host.internal.HostProperties;
import com.arasul.platform.ActionOutcome;
import com.arasul.platform.CommandRunner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reboots the host with the configured command. Whether a reboot is wise (how many this hour, the
 * database, running updates and workflows) is the healing engine's safety floor to decide, and the
 * record of it is the healing engine's to write; this only refuses, as a second guard, while
 * {@code arasul.healing.reboot-enabled} is off.
 */
@Component
public class HostReboot {

    private static final Logger log = LoggerFactory.getLogger(HostReboot.class);

    private final boolean rebootEnabled;
    private final HostProperties properties;
    private final HostCommands commands;

    public HostReboot(@Value("${arasul.healing.reboot-enabled:false}") boolean rebootEnabled,
            HostProperties properties, CommandRunner runner) {
        this.rebootEnabled = rebootEnabled;
        this.properties = properties;
        this.commands = new HostCommands(runner, properties.commandTimeout());
    }

    /** @param reason why, for the log line written before the host goes down */
    public ActionOutcome reboot(String reason) {
        if (!rebootEnabled) {
            log.warn("Reboot refused ({}): arasul.healing.reboot-enabled is false", reason);
            return ActionOutcome.failed("Reboot refused: reboots are switched off (ARASUL_REBOOT_ENABLED is not true)",
                    Duration.ZERO);
        }
        log.warn("Rebooting the host: {}", reason);
        return commands.execute("Reboot", properties.rebootCommand());
    }
}

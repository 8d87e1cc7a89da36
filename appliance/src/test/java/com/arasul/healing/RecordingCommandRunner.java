package com.arasul.healing;

import com.arasul.platform.CommandRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stands in for the platform's process runner so that no host command ever runs: it remembers each
 * command line, when it came and what {@link #whenCalled} saw at that moment (the reboot_events row,
 * say), and answers the stand-in reboot command as a reboot that was accepted. Any other command is
 * answered like a tool that is not installed.
 */
final class RecordingCommandRunner implements CommandRunner {

    /** A command that does not exist anywhere: should the runner not replace the real one, nothing reboots. */
    static final List<String> REBOOT_COMMAND = List.of("rbt-reboot-stand-in", "--now");
    static final String REBOOT_COMMAND_PROPERTY = "arasul.host.reboot-command=rbt-reboot-stand-in,--now";

    record Call(List<String> command, Instant at, Object seen) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Supplier<Object> whenCalled = () -> null;

    void whenCalled(Supplier<Object> look) {
        this.whenCalled = look;
    }

    List<Call> reboots() {
        return calls.stream().filter(c -> c.command().getFirst().equals(REBOOT_COMMAND.getFirst())).toList();
    }

    void forget() {
        calls.clear();
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        boolean reboot = command.getFirst().equals(REBOOT_COMMAND.getFirst());
        calls.add(new Call(List.copyOf(command), Instant.now(), reboot ? whenCalled.get() : null));
        return reboot ? new CommandResult(0, "", "", false) : CommandResult.failedToStart(command.getFirst()
                + " could not be started: Cannot run program \"" + command.getFirst()
                + "\": error=2, No such file or directory");
    }

    /** For an application started by hand: the platform's runner bean is taken out and this one put in. */
    ApplicationContextInitializer<ConfigurableApplicationContext> replacingTheProcessRunner() {
        return context -> context.addBeanFactoryPostProcessor(beans -> {
            ((BeanDefinitionRegistry) beans).removeBeanDefinition("processCommandRunner");
            beans.registerSingleton("processCommandRunner", this);
        });
    }
}

package com.arasul.updates.cli;

import com.arasul.updates.format.SemanticVersion;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of {@code arasul-update-cli.jar}. Exit codes: 0 ok, 1 failure, 2 package invalid, 64 usage. */
@Command(name = "arasul update", mixinStandardHelpOptions = true, version = "arasul update 1",
        description = "Make signing keys, build and verify .araupdate packages.",
        subcommands = {KeygenCommand.class, CreateCommand.class, VerifyCommand.class},
        footer = {"", "Exit codes: 0 done or valid, 1 failure, 2 package invalid (reason on stderr), 64 usage error."})
public final class UpdateCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID = 2;
    public static final int USAGE = 64;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new UpdateCli());
        cli.registerConverter(SemanticVersion.class, text -> {
            try {
                return SemanticVersion.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        cli.setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            err.println("arasul update: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("arasul update: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: keygen, create or verify");
    }

    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}

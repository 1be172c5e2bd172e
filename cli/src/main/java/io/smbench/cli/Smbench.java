package io.smbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** Entry point of the {@code smbench} command line. */
@Command(name = "smbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "High-fidelity SMB2/3 workload replay: replay captured or written workloads against a "
                + "file server and measure what it does.",
        subcommands = {ProbeCommand.class, ReplayCommand.class, CompileCommand.class, ProvisionCommand.class,
            ReportCommand.class, LabCommand.class, FuzzCommand.class,
            HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command failed (server unreachable, lab could not start, internal error)",
            "2:invalid input (workload, option, missing file)",
            "130:interrupted"
        })
public final class Smbench implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command line with smbench's error handling; tests use it directly. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Smbench());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}

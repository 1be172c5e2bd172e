package io.smbench.cli;

import io.smbench.engine.ir.ValidationIssue;
import io.smbench.engine.ir.ValidationReport;
import io.smbench.engine.ir.WorkloadValidator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smbench replay}: validates a workload and, once the replay engine lands, replays it
 * against a server.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replay a workload (IR v1 JSON) against an SMB server.",
            "With --validate-only, check the workload and print a summary without connecting."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the workload is valid (and, for a replay, ran)",
            "1:the replay could not run (server, network, internal error)",
            "2:the workload or an option is invalid; every error is printed, one a line",
            "130:interrupted (Ctrl-C); results so far are still written"
        })
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "Workload file (IR v1 JSON).")
    Path workload;

    @Option(names = "--validate-only", description = "Validate the workload, print its summary and exit.")
    boolean validateOnly;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1.0",
            description = "Multiply every timestamp by FACTOR: 0.1 replays ten times faster (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be a positive number, was " + timeScale);
        }
        if (!Files.isRegularFile(workload)) {
            err.println("error: workload file not found: " + workload);
            return ExitCodes.INVALID_INPUT;
        }
        ValidationReport report = WorkloadValidator.validate(workload);
        for (ValidationIssue warning : report.warnings()) {
            err.println("warning: " + warning);
        }
        if (!report.isValid()) {
            for (ValidationIssue error : report.errors()) {
                err.println("error: " + error);
            }
            err.println(workload + ": " + report.errors().size() + " error(s); the workload is not valid");
            return ExitCodes.INVALID_INPUT;
        }
        out.println(workload + ": valid IR v1 workload");
        out.println(report.summary().format());
        if (validateOnly) {
            return ExitCodes.OK;
        }
        err.println("error: replaying against a server is not implemented yet; use --validate-only");
        return ExitCodes.FAILURE;
    }
}

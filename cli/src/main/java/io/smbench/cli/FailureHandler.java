package io.smbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line and an exit code, so users see what
 * went wrong instead of a stack trace. {@code SMBENCH_DEBUG=1} adds the trace for bug reports.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("error: " + messageOf(ex));
        if ("1".equals(System.getenv("SMBENCH_DEBUG"))) {
            ex.printStackTrace(commandLine.getErr());
        }
        if (ex instanceof PasswordSource.PasswordUnavailableException
                || ex instanceof io.smbench.engine.report.ReportFormatException) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.FAILURE;
    }

    private static String messageOf(Throwable ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }
}

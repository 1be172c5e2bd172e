package io.smbench.engine.report;

/** A file that is not a readable replay report; the message names the file and what was wrong. */
public final class ReportFormatException extends RuntimeException {
    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

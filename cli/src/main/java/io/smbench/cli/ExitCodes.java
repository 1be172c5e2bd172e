package io.smbench.cli;

/**
 * Process exit codes of every smbench command; the README documents the same table.
 *
 * <p>Scripts and CI gates depend on these values, so they never change meaning.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed: a server could not be reached, a lab could not start. */
    public static final int FAILURE = 1;
    /** The input is wrong: an invalid workload, a bad option, a missing file. */
    public static final int INVALID_INPUT = 2;
    /** With --strict: the replay ran, but a check failed (status mismatch, leak, order, unanswered). */
    public static final int CHECKS_FAILED = 3;
    /** The user interrupted the command (Ctrl-C); partial results were still written. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}

/**
 * The {@code smbench} command line: one thin picocli class per command. Commands parse options,
 * call into {@code engine} or {@code lab}, and map outcomes to the exit codes documented in
 * {@link io.smbench.cli.ExitCodes}.
 */
package io.smbench.cli;

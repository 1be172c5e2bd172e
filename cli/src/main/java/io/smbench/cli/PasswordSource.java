package io.smbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the password for an SMB user without ever putting it in the process list or a log.
 *
 * <p>Order of precedence: {@code --password-file}, the environment variable
 * {@value #PASSWORD_ENV}, a file named by {@value #PASSWORD_FILE_ENV}, {@code --pass} (accepted
 * with a warning, since any local user can read it from the process list), and finally an
 * interactive prompt. Without any of them on a non-interactive run the caller gets a clear error
 * rather than an empty password.
 */
public final class PasswordSource {
    /** Environment variable holding the password itself. */
    public static final String PASSWORD_ENV = "SMBENCH_PASSWORD";
    /** Environment variable naming a file whose first line is the password. */
    public static final String PASSWORD_FILE_ENV = "SMBENCH_PASSWORD_FILE";

    private final Map<String, String> environment;
    private final Console console;
    private final PrintStream warnings;

    public PasswordSource(Map<String, String> environment, Console console, PrintStream warnings) {
        this.environment = Objects.requireNonNull(environment);
        this.console = Objects.requireNonNull(console);
        this.warnings = Objects.requireNonNull(warnings);
    }

    /** The process's own environment, terminal and stderr. */
    public static PasswordSource system() {
        return new PasswordSource(System.getenv(), Console.system(), System.err);
    }

    /**
     * Resolves the password for {@code user}.
     *
     * @param passwordFile value of {@code --password-file}, or null
     * @param commandLinePassword value of {@code --pass}, or null
     * @param user the account, for the prompt text only
     * @return a fresh array the caller should clear after use
     * @throws PasswordUnavailableException when no source has a password
     */
    public char[] resolve(Path passwordFile, String commandLinePassword, String user) {
        if (passwordFile != null) {
            return readFirstLine(passwordFile, "--password-file");
        }
        String fromEnvironment = environment.get(PASSWORD_ENV);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        String fileFromEnvironment = environment.get(PASSWORD_FILE_ENV);
        if (fileFromEnvironment != null && !fileFromEnvironment.isEmpty()) {
            return readFirstLine(Path.of(fileFromEnvironment), PASSWORD_FILE_ENV);
        }
        if (commandLinePassword != null) {
            warnings.println("warning: --pass puts the password in the process list, where any local user "
                    + "can read it; prefer " + PASSWORD_ENV + ", --password-file or the prompt");
            return commandLinePassword.toCharArray();
        }
        if (console.isInteractive()) {
            char[] typed = console.readPassword("Password for " + user + ": ");
            if (typed != null) {
                return typed;
            }
        }
        throw new PasswordUnavailableException("no password for user '" + user + "': set " + PASSWORD_ENV
                + ", pass --password-file FILE, or run on a terminal to be prompted");
    }

    private static char[] readFirstLine(Path file, String origin) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PasswordUnavailableException(
                    "cannot read the password file given by " + origin + " (" + file + "): " + e.getMessage());
        }
        try {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, end));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return password;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** No configured source yields a password; the message says which sources exist. */
    public static final class PasswordUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PasswordUnavailableException(String message) {
            super(message);
        }
    }
}

package io.smbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach and log on to an SMB server: shared by every command that talks to one
 * ({@code replay}, later {@code probe} and {@code provision}).
 *
 * <p>The password is deliberately not an ordinary option: see {@link PasswordSource}.
 */
public final class ConnectionOptions {
    @Option(names = "--server", paramLabel = "HOST", description = "SMB server host name or address.")
    String server;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "445",
            description = "TCP port of the server (default: ${DEFAULT-VALUE}; the lab server listens on 4455).")
    int port;

    @Option(names = "--share", paramLabel = "NAME", description = "Share to connect to, e.g. 'open'.")
    String share;

    @Option(names = "--user", paramLabel = "NAME", description = "User name for NTLMv2 authentication.")
    String user;

    @Option(names = "--domain", paramLabel = "NAME", defaultValue = "",
            description = "Domain or workgroup of the user (default: none).")
    String domain;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password. Otherwise the password comes from "
                    + "$" + PasswordSource.PASSWORD_ENV + ", a file named by $" + PasswordSource.PASSWORD_FILE_ENV
                    + ", or a prompt.")
    Path passwordFile;

    @Option(names = "--pass", paramLabel = "PASSWORD", hidden = false,
            description = "The password itself. Discouraged: it shows in the process list (a warning is printed).")
    String commandLinePassword;

    public String server() {
        return server;
    }

    public int port() {
        return port;
    }

    public String share() {
        return share;
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    /** Resolves the password through {@code source}; the caller clears the array after use. */
    public char[] password(PasswordSource source) {
        return source.resolve(passwordFile, commandLinePassword, user);
    }

    @Override
    public String toString() {
        // The password never appears here, whatever its source.
        return "server=" + server + ", port=" + port + ", share=" + share + ", user=" + user + ", domain=" + domain;
    }
}

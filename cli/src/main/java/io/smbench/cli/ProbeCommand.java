package io.smbench.cli;

import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Probe;
import io.smbench.smb.client.ProbeResult;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbClientException;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smbench probe}: connect, negotiate, authenticate and connect to a share, then print what
 * the server agreed to and how long each step took. The first thing to run against a new server.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Connect to an SMB server and report the negotiated dialect, signing, encryption, "
                + "capabilities, sizes, share flags and the time of each step."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the probe succeeded",
            "1:the server refused or failed a step (the message says which and why)",
            "2:bad options or no password"
        })
public final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    SecurityOptions security = new SecurityOptions();

    @Option(names = "--anonymous", description = "Log on as the anonymous (null) user instead of --user.")
    boolean anonymous;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    private final PasswordSource passwords;

    public ProbeCommand() {
        this(PasswordSource.system());
    }

    ProbeCommand(PasswordSource passwords) {
        this.passwords = passwords;
    }

    @Override
    public Integer call() {
        if (connection.server() == null) {
            throw new ParameterException(spec.commandLine(), "--server is required");
        }
        if (!anonymous && connection.user() == null) {
            throw new ParameterException(spec.commandLine(), "--user is required (or --anonymous)");
        }
        ClientConfig config;
        try {
            config = security.toConfig();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        NtlmCredentials credentials = anonymous ? NtlmCredentials.anonymous() : credentials();
        try (SmbClient client = new SmbClient(1)) {
            ProbeResult result = Probe.run(client, connection.server(), connection.port(), connection.share(), config,
                    credentials);
            spec.commandLine().getOut().print(json ? ProbeFormatter.json(result) + "\n" : ProbeFormatter.table(result));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (SmbClientException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        } finally {
            credentials.clear();
        }
    }

    private NtlmCredentials credentials() {
        char[] password = connection.password(passwords);
        try {
            return new NtlmCredentials(connection.user(), connection.domain(), password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}

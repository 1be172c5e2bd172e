package io.smbench.cli;

import io.smbench.engine.backend.SmbProvisioner;
import io.smbench.engine.compile.ProvisionPlan;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smbench provision}: create on a share what a workload expects to exist before it starts. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Create on the target share the directories and files a workload opens without creating,",
            "each file sized to cover its reads, so a compiled workload replays on an empty share."})
public final class ProvisionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD")
    Path workload;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    SecurityOptions security = new SecurityOptions();

    @Option(names = "--dry-run", description = "Print what would be created, connect to nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(workload)) {
            spec.commandLine().getErr().println("error: workload file not found: " + workload);
            return ExitCodes.INVALID_INPUT;
        }
        ProvisionPlan plan = ProvisionPlan.of(workload);
        var out = spec.commandLine().getOut();
        plan.directories().forEach(dir -> out.println("directory " + dir));
        plan.files().forEach((file, size) -> out.println("file      " + file + " (" + size + " bytes)"));
        if (dryRun) {
            out.flush();
            return ExitCodes.OK;
        }
        if (connection.server() == null || connection.share() == null || connection.user() == null) {
            throw new ParameterException(spec.commandLine(), "provisioning needs --server, --share and --user "
                    + "(or --dry-run)");
        }
        ClientConfig config = security.toConfig();
        char[] password = connection.password(PasswordSource.system());
        NtlmCredentials credentials = new NtlmCredentials(connection.user(), connection.domain(), password);
        java.util.Arrays.fill(password, '\0');
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = client.connectTree(connection.server(), connection.port(), connection.share(), config,
                    credentials).get(60, TimeUnit.SECONDS);
            int[] done = SmbProvisioner.apply(plan, tree);
            tree.session().logoff().get(30, TimeUnit.SECONDS);
            out.println("provisioned " + done[0] + " directories and " + done[1] + " files on //" + connection.server()
                    + "/" + connection.share());
        } finally {
            credentials.clear();
        }
        out.flush();
        return ExitCodes.OK;
    }
}

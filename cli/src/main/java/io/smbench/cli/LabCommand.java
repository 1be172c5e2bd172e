package io.smbench.cli;

import io.smbench.lab.LabInfo;
import io.smbench.lab.LabStateStore;
import io.smbench.lab.LabStatus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code smbench lab}: a throwaway Samba on loopback to try smbench against. Its state lives in
 * one folder (default {@code ./lab-run}); the password is written there with mode 0600 and never
 * printed.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Start, stop or inspect a throwaway Samba server on 127.0.0.1 (needs the Debian package samba).",
        subcommands = {LabCommand.Start.class, LabCommand.Stop.class, LabCommand.Status.class})
public final class LabCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = LabStateStore.DEFAULT_DIR,
            description = "Folder holding the lab's config, shares, logs and password (default: ${DEFAULT-VALUE}).",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path dir;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose start, stop or status");
    }

    LabStateStore store() {
        return new LabStateStore(dir);
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the lab server (or report the one already running) and print how to reach it.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Spec
        CommandSpec spec;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + LabStateStore.DEFAULT_PORT,
                description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        public Integer call() {
            LabInfo info = lab.store().start(port);
            spec.commandLine().getOut().print(info.describe());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the lab server.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean wasRunning = lab.store().stop();
            spec.commandLine().getOut().println(wasRunning ? "Samba lab stopped" : "no Samba lab was running in " + lab.dir);
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tell whether the lab server runs; exit 0 if it does, 1 if not.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        LabCommand lab;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LabStatus status = lab.store().status();
            spec.commandLine().getOut().println(status.describe());
            return status.running() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}

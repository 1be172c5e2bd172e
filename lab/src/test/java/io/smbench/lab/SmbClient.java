package io.smbench.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs smbclient against a lab, the password always from an authentication file ({@code -A}). */
final class SmbClient {
    private SmbClient() {}

    /**
     * @param lab the instance
     * @param authFile smbclient authentication file
     * @param share share name
     * @param commands {@code -c} commands
     * @param extra extra smbclient arguments (e.g. {@code -m SMB3_11})
     * @return exit code and output
     */
    static Commands.Result run(SambaLab lab, Path authFile, String share, String commands, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Commands.require("smbclient"),
                "//" + lab.host() + "/" + share, "-p", Integer.toString(lab.port()), "-A", authFile.toString()));
        cmd.addAll(List.of(extra));
        cmd.add("-c");
        cmd.add(commands);
        return Commands.run(null, 60, cmd);
    }

    static Commands.Result run(SambaLab lab, String share, String commands, String... extra) {
        return run(lab, lab.credentialsFile(), share, commands, extra);
    }
}

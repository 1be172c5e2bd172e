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

    /**
     * Connects an interactive smbclient (stdin held open) so that its session is visible to smbstatus, runs
     * {@code smbstatus -s CONF -j} once the session shows up and returns that JSON.
     *
     * @param lab the instance
     * @param share share name
     * @param extra extra smbclient arguments
     * @return smbstatus JSON text with the session
     */
    static String sessionStatus(SambaLab lab, String share, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Commands.require("smbclient"),
                "//" + lab.host() + "/" + share, "-p", Integer.toString(lab.port()), "-A",
                lab.credentialsFile().toString()));
        cmd.addAll(List.of(extra));
        Process client = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            client.getOutputStream().write("ls\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            String json = "";
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                json = Commands.run(null, 30, List.of(Commands.require("smbstatus"), "-s",
                        lab.configFile().toString(), "-j")).output();
                if (json.contains("\"username\": \"" + lab.user() + "\"")) {
                    return json;
                }
                Thread.sleep(100);
            }
            return json;
        } finally {
            client.getOutputStream().close();
            if (!client.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
        }
    }
}

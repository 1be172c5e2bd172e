package io.smbench.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * How to reach a lab started by {@link LabStateStore}: address, port, shares, user and where the password is.
 * Holds no password; {@link #describe()} is the text {@code smbench lab start|status} prints.
 *
 * @param dir the lab folder
 * @param host server address
 * @param port TCP port
 * @param pid smbd master PID
 * @param user SMB user
 * @param domain SMB domain
 * @param shares share names
 * @param passwordFile the 0600 file holding the password
 * @param credentialsFile the 0600 smbclient authentication file
 * @param alreadyRunning true when start found this lab already running
 */
public record LabInfo(Path dir, String host, int port, long pid, String user, String domain, List<String> shares,
        Path passwordFile, Path credentialsFile, boolean alreadyRunning) {

    /**
     * Canonical constructor; copies the share list.
     *
     * @param dir the lab folder
     * @param host server address
     * @param port TCP port
     * @param pid smbd master PID
     * @param user SMB user
     * @param domain SMB domain
     * @param shares share names
     * @param passwordFile the 0600 file holding the password
     * @param credentialsFile the 0600 smbclient authentication file
     * @param alreadyRunning true when start found this lab already running
     */
    public LabInfo {
        shares = List.copyOf(shares);
    }

    /** @return multi-line, human-readable directions (never the password itself) */
    public String describe() {
        return (alreadyRunning ? "Samba lab already running" : "Samba lab started") + " (smbd pid " + pid + ") in "
                + dir + "\n"
                + "  server:    " + host + "\n"
                + "  port:      " + port + "\n"
                + "  shares:    " + String.join(", ", shares)
                + "  (encrypted requires SMB3 encryption)\n"
                + "  user:      " + user + " (domain " + domain + ")\n"
                + "  password:  in " + passwordFile + " (mode 0600); pass it as SMBENCH_PASSWORD_FILE="
                + passwordFile + " or --password-file " + passwordFile + "\n"
                + "  smbclient: smbclient //" + host + "/open -p " + port + " -A " + credentialsFile
                + " -m SMB3_11\n"
                + "  stop:      smbench lab stop --dir " + dir + "\n";
    }
}

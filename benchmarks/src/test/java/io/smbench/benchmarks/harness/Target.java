package io.smbench.benchmarks.harness;

import java.nio.file.Path;

/**
 * The server every client talks to and how to log on. The password stays in memory and in the 0600 smbclient
 * authentication file; it is never put on a command line or printed.
 *
 * @param host server address
 * @param port TCP port
 * @param user SMB user
 * @param domain SMB domain
 * @param password the password (in-process clients)
 * @param credentialsFile an smbclient {@code -A} file with the same credentials
 */
record Target(String host, int port, String user, String domain, char[] password, Path credentialsFile) {
    @Override
    public String toString() {
        return host + ":" + port + " as " + domain + "\\" + user;
    }
}

package io.smbench.fuzz.live;

import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.time.Duration;
import java.util.Objects;

/**
 * The server a fuzz run attacks and how to log on to it.
 *
 * @param host server name or address; the CLI refuses non-loopback ones unless told otherwise
 * @param port TCP port
 * @param share a share the user may create and delete files on
 * @param credentials kept for the run's length; the caller clears them afterwards
 * @param config dialects, signing and encryption; each case replaces its ClientGuid and timeout
 * @param hangTimeout how long a request may go unanswered before the case counts as a hang
 */
public record FuzzTarget(String host, int port, String share, NtlmCredentials credentials, ClientConfig config,
        Duration hangTimeout) {
    public FuzzTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hangTimeout, "hangTimeout");
    }

    @Override
    public String toString() {
        return "//" + host + ":" + port + "/" + share + " as " + credentials.user();
    }
}

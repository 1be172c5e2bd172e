package io.smbench.smb.client;

import java.util.List;

/**
 * What {@code smbench probe} learned about a server: the outcome of NEGOTIATE (MS-SMB2 2.2.4),
 * SESSION_SETUP (2.2.6) and TREE_CONNECT (2.2.10), plus how long each step took.
 *
 * @param server host as given by the user
 * @param port TCP port
 * @param share share name, or null when no tree was connected
 * @param transport "EPOLL" or "NIO"
 * @param dialect negotiated dialect, e.g. "3.1.1"
 * @param serverGuid ServerGuid of the NEGOTIATE response
 * @param serverSecurityMode names of the SecurityMode bits (SIGNING_ENABLED, SIGNING_REQUIRED)
 * @param serverCapabilities names of the global capability bits the server set
 * @param maxTransactSize MaxTransactSize
 * @param maxReadSize MaxReadSize
 * @param maxWriteSize MaxWriteSize
 * @param preauthIntegrity hash algorithm of the 3.1.1 preauth context, or null
 * @param cipher negotiated cipher, or null when none
 * @param signingAlgorithm signing algorithm in use, e.g. "AES-GMAC", or null when not signing
 * @param signing whether this session signs its messages
 * @param encryption whether this session encrypts its messages
 * @param sessionFlags names of the SessionFlags bits (IS_GUEST, IS_NULL, ENCRYPT_DATA)
 * @param shareType share type, e.g. "DISK"
 * @param shareFlags names of the ShareFlags bits
 * @param shareCapabilities names of the share Capabilities bits
 * @param steps duration of each step, in order
 */
public record ProbeResult(
        String server,
        int port,
        String share,
        String transport,
        String dialect,
        String serverGuid,
        List<String> serverSecurityMode,
        List<String> serverCapabilities,
        long maxTransactSize,
        long maxReadSize,
        long maxWriteSize,
        String preauthIntegrity,
        String cipher,
        String signingAlgorithm,
        boolean signing,
        boolean encryption,
        List<String> sessionFlags,
        String shareType,
        List<String> shareFlags,
        List<String> shareCapabilities,
        List<Step> steps) {

    /** One timed step of the probe. */
    public record Step(String name, long micros) {}
}

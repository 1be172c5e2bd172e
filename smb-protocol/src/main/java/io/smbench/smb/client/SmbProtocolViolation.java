package io.smbench.smb.client;

/**
 * The server sent something that breaks MS-SMB2 framing; the connection is failed cleanly and
 * the message says what was wrong and at which byte.
 */
public final class SmbProtocolViolation extends SmbClientException {
    private static final long serialVersionUID = 1L;

    public SmbProtocolViolation(String message) {
        super(message);
    }
}

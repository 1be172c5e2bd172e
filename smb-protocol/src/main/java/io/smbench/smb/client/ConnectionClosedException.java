package io.smbench.smb.client;

/** The connection closed (by either side, or after a protocol error) before the request completed. */
public final class ConnectionClosedException extends SmbClientException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.smbench.smb.client;

/** A request or connection failed on the client side: timeout, closed connection, bad reply. */
public class SmbClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SmbClientException(String message) {
        super(message);
    }

    public SmbClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

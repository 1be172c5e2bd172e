package io.smbench.smb.client;

/** The server did not answer a request within its timeout; a CANCEL was sent for it. */
public final class RequestTimeoutException extends SmbClientException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message);
    }
}

package io.smbench.smb.client;

/** SESSION_SETUP failed: wrong credentials, a refused account, or a broken exchange. */
public final class SmbAuthenticationException extends SmbClientException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public SmbAuthenticationException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The NTSTATUS the server answered, or 0 when the failure was on the client side. */
    public int status() {
        return status;
    }
}

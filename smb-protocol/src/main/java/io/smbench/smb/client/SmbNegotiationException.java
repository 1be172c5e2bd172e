package io.smbench.smb.client;

/** NEGOTIATE failed or its result contradicts what the client offered (a downgrade or a broken server). */
public final class SmbNegotiationException extends SmbClientException {
    private static final long serialVersionUID = 1L;

    public SmbNegotiationException(String message) {
        super(message);
    }
}

package io.smbench.smb.spnego;

/** A server's SPNEGO token is malformed; the message names the field and byte offset. */
public final class SpnegoFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpnegoFormatException(String message) {
        super(message);
    }
}

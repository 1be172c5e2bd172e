package io.smbench.smb.ntlm;

/** A server's NTLM message is malformed; the message names the field and byte offset. */
public final class NtlmFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NtlmFormatException(String message) {
        super(message);
    }
}

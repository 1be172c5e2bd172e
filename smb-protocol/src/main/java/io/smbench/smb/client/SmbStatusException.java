package io.smbench.smb.client;

import io.smbench.smb.mserref.NtStatus;

/** The server answered a request with an error NTSTATUS; {@link #status()} is that code. */
public final class SmbStatusException extends SmbClientException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public SmbStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String statusName() {
        return NtStatus.describe(status);
    }
}

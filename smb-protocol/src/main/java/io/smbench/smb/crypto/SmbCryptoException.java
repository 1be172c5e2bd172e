package io.smbench.smb.crypto;

/** A cryptographic check failed (bad tag) or a primitive is unavailable. */
public final class SmbCryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SmbCryptoException(String message) {
        super(message);
    }

    public SmbCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}

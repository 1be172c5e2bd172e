package io.smbench.smb.client;

/**
 * A message failed a security check: a bad signature, an unsigned response where signing is
 * required, or an encrypted message whose tag does not verify.
 */
public final class SmbSecurityException extends SmbClientException {
    private static final long serialVersionUID = 1L;

    public SmbSecurityException(String message) {
        super(message);
    }
}

package io.smbench.smb.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NIST SP800-108 key derivation in counter mode with HMAC-SHA256, as MS-SMB2 3.1.4.2 uses it:
 * r = 32, one PRF block, {@code Ko = HMAC-SHA256(Ki, 00000001 || Label || 00 || Context || L)}.
 *
 * <p>Label and Context are passed with their terminating NUL, as the spec writes them, so two zero
 * bytes separate the label text from the context.
 */
public final class Sp800108Kdf {
    private Sp800108Kdf() {}

    /**
     * Derives {@code bits} (128 or 256) bits of key.
     *
     * @param ki the key derivation key (Session.SessionKey)
     * @param label the label including its NUL terminator
     * @param context the context (a NUL-terminated string, or the 64-byte preauth hash)
     */
    public static byte[] derive(byte[] ki, byte[] label, byte[] context, int bits) {
        if (bits != 128 && bits != 256) {
            throw new IllegalArgumentException("SMB derives 128- or 256-bit keys, not " + bits);
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(ki, "HmacSHA256"));
            hmac.update(new byte[] {0, 0, 0, 1});
            hmac.update(label);
            hmac.update((byte) 0);
            hmac.update(context);
            hmac.update(new byte[] {0, 0, (byte) (bits >>> 8), (byte) bits});
            return Arrays.copyOf(hmac.doFinal(), bits / 8);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("HMAC-SHA256 is not available", e);
        }
    }
}

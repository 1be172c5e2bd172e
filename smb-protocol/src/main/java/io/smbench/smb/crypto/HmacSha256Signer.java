package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing for dialects 2.0.2 and 2.1 (MS-SMB2 3.1.4.1): HMAC-SHA256 keyed with the session key,
 * truncated to 16 bytes.
 */
public final class HmacSha256Signer extends AbstractMacSigner {
    private final Mac mac;

    public HmacSha256Signer(byte[] sessionKey) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    protected byte[] mac(ByteBuf message) {
        for (ByteBuffer part : message.nioBuffers()) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    @Override
    public String algorithm() {
        return "HMAC-SHA256";
    }
}

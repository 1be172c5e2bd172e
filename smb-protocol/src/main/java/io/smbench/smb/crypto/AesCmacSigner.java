package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Signing for 3.0, 3.0.2, and 3.1.1 without a signing capability (MS-SMB2 3.1.4.1): AES-128-CMAC
 * (RFC 4493) keyed with Session.SigningKey or Channel.SigningKey.
 *
 * <p>Two implementations: the default builds CMAC on the JDK's AES-NI backed AES/CBC
 * ({@link JdkAesCmac}); Bouncy Castle's CMac is kept for comparison ({@link Provider#BOUNCY_CASTLE}).
 * docs/performance.md has the measurements behind the default.
 */
public final class AesCmacSigner extends AbstractMacSigner {
    /** Which AES-CMAC implementation to use. */
    public enum Provider { JDK, BOUNCY_CASTLE }

    private final CMac cmac;
    private final JdkAesCmac jdk;

    public AesCmacSigner(byte[] signingKey) {
        this(signingKey, Provider.JDK);
    }

    public AesCmacSigner(byte[] signingKey, Provider provider) {
        if (provider == Provider.JDK) {
            jdk = new JdkAesCmac(signingKey);
            cmac = null;
        } else {
            jdk = null;
            cmac = new CMac(AESEngine.newInstance());
            cmac.init(new KeyParameter(signingKey));
        }
    }

    @Override
    protected byte[] mac(ByteBuf message) {
        if (jdk != null) {
            if (message.hasArray()) {
                return jdk.mac(message.array(), message.arrayOffset() + message.readerIndex(), message.readableBytes());
            }
            byte[] bytes = bytesOf(message);
            return jdk.mac(bytes, 0, bytes.length);
        }
        if (message.hasArray()) {
            cmac.update(message.array(), message.arrayOffset() + message.readerIndex(), message.readableBytes());
        } else {
            byte[] bytes = bytesOf(message);
            cmac.update(bytes, 0, bytes.length);
        }
        byte[] out = new byte[cmac.getMacSize()];
        cmac.doFinal(out, 0);
        return out;
    }

    @Override
    public String algorithm() {
        return "AES-CMAC";
    }
}

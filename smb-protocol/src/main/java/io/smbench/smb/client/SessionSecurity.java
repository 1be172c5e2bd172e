package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.smbench.smb.crypto.MessageSigner;
import io.smbench.smb.crypto.SmbCryptoException;
import io.smbench.smb.crypto.TransformCipher;

/**
 * A session's signing and encryption (MS-SMB2 3.2.4.1.1 signing, 3.2.4.1.8 encryption) as the
 * connection applies them. A guest or anonymous session has no key: it neither signs nor encrypts.
 */
final class SessionSecurity implements MessageSecurity {
    private final long sessionId;
    private final MessageSigner signer;
    private final TransformCipher cipher;
    private final boolean signAll;
    private final boolean encryptAll;

    SessionSecurity(long sessionId, MessageSigner signer, TransformCipher cipher, boolean signAll, boolean encryptAll) {
        this.sessionId = sessionId;
        this.signer = signer;
        this.cipher = cipher;
        this.signAll = signAll && signer != null;
        this.encryptAll = encryptAll && cipher != null;
    }

    @Override
    public boolean signs() {
        return signAll;
    }

    @Override
    public boolean encrypts() {
        return encryptAll;
    }

    boolean canEncrypt() {
        return cipher != null;
    }

    MessageSigner signer() {
        return signer;
    }

    @Override
    public void sign(ByteBuf message) {
        if (signer != null) {
            signer.sign(message);
        }
    }

    @Override
    public boolean verify(ByteBuf message) {
        // Without a key (guest, anonymous) a signature cannot be checked; it is not trusted either.
        return signer != null && signer.verify(message);
    }

    @Override
    public ByteBuf encrypt(ByteBufAllocator allocator, ByteBuf plaintext) {
        if (cipher == null) {
            plaintext.release();
            throw new SmbSecurityException("session 0x" + Long.toHexString(sessionId) + " has no cipher to encrypt with");
        }
        try {
            return cipher.encrypt(allocator, plaintext, sessionId);
        } finally {
            plaintext.release();
        }
    }

    @Override
    public ByteBuf decrypt(ByteBufAllocator allocator, ByteBuf transformed) {
        if (cipher == null) {
            throw new SmbSecurityException("encrypted message for session 0x" + Long.toHexString(sessionId)
                    + ", which has no cipher");
        }
        try {
            return cipher.decrypt(allocator, transformed);
        } catch (SmbCryptoException e) {
            throw new SmbSecurityException(e.getMessage());
        }
    }
}

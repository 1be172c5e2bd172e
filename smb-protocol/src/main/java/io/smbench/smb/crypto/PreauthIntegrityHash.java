package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The SMB 3.1.1 preauth integrity hash (MS-SMB2 3.2.5.2, 3.2.5.3.1): starts as 64 zero bytes and
 * absorbs each NEGOTIATE and SESSION_SETUP message as {@code H = SHA-512(H || message)}. The
 * connection's value after NEGOTIATE seeds each session's; the final SESSION_SETUP response is
 * not absorbed.
 */
public final class PreauthIntegrityHash {
    /** HashId of SHA-512 in the PREAUTH_INTEGRITY_CAPABILITIES context (2.2.3.1.1). */
    public static final int SHA_512 = 0x0001;

    private final MessageDigest sha512;
    private byte[] value;

    public PreauthIntegrityHash() {
        this(new byte[64]);
    }

    private PreauthIntegrityHash(byte[] initial) {
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("SHA-512 is not available", e);
        }
        value = initial.clone();
    }

    /** A hash that continues from this one's current value (a session's, from the connection's). */
    public PreauthIntegrityHash fork() {
        return new PreauthIntegrityHash(value);
    }

    /** Absorbs one message: its readable bytes, header first. */
    public void update(ByteBuf message) {
        sha512.update(value);
        for (ByteBuffer part : message.nioBuffers()) {
            sha512.update(part);
        }
        value = sha512.digest();
    }

    /** Absorbs one message given as bytes. */
    public void update(byte[] message) {
        sha512.update(value);
        sha512.update(message);
        value = sha512.digest();
    }

    /** The current 64-byte value. */
    public byte[] value() {
        return value.clone();
    }
}

package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Signing and encryption of one session's messages, as the connection applies them
 * (MS-SMB2 3.1.4.1 signing, 3.1.4.3 encryption, 3.2.4.1.8 "Encrypting the Message",
 * 3.2.5.1.1.1 decryption, 3.2.5.1.3 "Verifying the Signature").
 *
 * <p>All methods run on the connection's event loop.
 */
public interface MessageSecurity {
    /** Whether requests of this session are signed (Session.SigningRequired or the user asked). */
    boolean signs();

    /** Whether requests of this session are encrypted (Session.EncryptData or the share's flag). */
    boolean encrypts();

    /**
     * Sets SMB2_FLAGS_SIGNED and writes the signature of the message that starts at the buffer's
     * reader index and ends at its writer index.
     */
    void sign(ByteBuf message);

    /** Whether the signature of a received, signed message is right; the message is not changed. */
    boolean verify(ByteBuf message);

    /**
     * Wraps a whole (possibly compounded) plaintext message in a transform header. Releases
     * {@code plaintext}.
     */
    ByteBuf encrypt(ByteBufAllocator allocator, ByteBuf plaintext);

    /**
     * Decrypts a message that starts with a transform header. Does not release {@code transformed}.
     *
     * @throws SmbSecurityException when the tag does not verify
     */
    ByteBuf decrypt(ByteBufAllocator allocator, ByteBuf transformed);
}

package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;

/**
 * Computes and checks the 16-byte Signature of an SMB2 message (MS-SMB2 3.1.4.1): the MAC of the
 * whole message, from the first header byte to the end of its padding, with the Signature field
 * (header bytes 48 to 63) zeroed.
 */
public interface MessageSigner {
    /** Offset of the Signature field in the SMB2 header (2.2.1). */
    int SIGNATURE_OFFSET = 48;

    /** Length of the Signature field. */
    int SIGNATURE_LENGTH = 16;

    /** Offset of the Flags field, whose SMB2_FLAGS_SIGNED bit (0x8) marks a signed message. */
    int FLAGS_OFFSET = 16;

    /** Sets SMB2_FLAGS_SIGNED and writes the signature of {@code message} (reader to writer index). */
    void sign(ByteBuf message);

    /** Whether the signature in {@code message} is right; the message is left as it was. */
    boolean verify(ByteBuf message);

    /** The algorithm's name as MS-SMB2 2.2.3.1.7 calls it, for reports. */
    String algorithm();
}

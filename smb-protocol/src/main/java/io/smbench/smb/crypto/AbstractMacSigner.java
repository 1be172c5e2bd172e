package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;

/**
 * The shared part of every signer: zero the Signature field, MAC the message, write or compare
 * the first 16 bytes of the MAC (MS-SMB2 3.1.4.1).
 */
abstract class AbstractMacSigner implements MessageSigner {
    private static final int SMB2_FLAGS_SIGNED = 0x8;

    /** The MAC of {@code message}, whose Signature field is zero while this runs. */
    protected abstract byte[] mac(ByteBuf message);

    @Override
    public final void sign(ByteBuf message) {
        int start = message.readerIndex();
        message.setIntLE(start + FLAGS_OFFSET, message.getIntLE(start + FLAGS_OFFSET) | SMB2_FLAGS_SIGNED);
        message.setZero(start + SIGNATURE_OFFSET, SIGNATURE_LENGTH);
        byte[] mac = mac(message);
        message.setBytes(start + SIGNATURE_OFFSET, mac, 0, SIGNATURE_LENGTH);
    }

    @Override
    public final boolean verify(ByteBuf message) {
        int start = message.readerIndex();
        if (message.readableBytes() < SIGNATURE_OFFSET + SIGNATURE_LENGTH) {
            return false;
        }
        byte[] received = new byte[SIGNATURE_LENGTH];
        message.getBytes(start + SIGNATURE_OFFSET, received);
        message.setZero(start + SIGNATURE_OFFSET, SIGNATURE_LENGTH);
        try {
            byte[] expected = mac(message);
            return MessageDigest.isEqual(received, java.util.Arrays.copyOf(expected, SIGNATURE_LENGTH));
        } finally {
            message.setBytes(start + SIGNATURE_OFFSET, received);
        }
    }

    /** The readable bytes of {@code message} as one array region, copying only when it must. */
    static byte[] bytesOf(ByteBuf message) {
        byte[] copy = new byte[message.readableBytes()];
        message.getBytes(message.readerIndex(), copy);
        return copy;
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.mssmb2.Smb2DecodeException;

/** Strict reads of response bodies: every offset is checked against the message before use. */
final class Bodies {
    static final int HEADER = 64;

    private Bodies() {}

    /** Checks that the message holds the fixed part of a body and that StructureSize is {@code expected}. */
    static int start(ByteBuf message, String command, int expectedStructureSize, int fixedLength) {
        int start = message.readerIndex();
        int available = message.readableBytes() - HEADER;
        if (available < Math.min(fixedLength, 2)) {
            throw new Smb2DecodeException(command + ": message of " + message.readableBytes()
                    + " bytes has no body after the 64-byte header");
        }
        int structureSize = message.getUnsignedShortLE(start + HEADER);
        if (structureSize != expectedStructureSize) {
            throw new Smb2DecodeException(command + ": StructureSize=" + structureSize + " at byte " + HEADER
                    + ", expected " + expectedStructureSize);
        }
        if (available < fixedLength) {
            throw new Smb2DecodeException(command + ": body of " + available + " bytes is shorter than its "
                    + fixedLength + "-byte fixed part (message ends at byte " + message.readableBytes() + ")");
        }
        return start;
    }

    /** The bytes at [offset, offset+length) from the header's start, after checking they lie in the message. */
    static byte[] buffer(ByteBuf message, long offset, long length, String command, String field, int fieldAt) {
        if (length == 0) {
            return new byte[0];
        }
        long end = offset + length;
        if (offset < HEADER || end > message.readableBytes()) {
            throw new Smb2DecodeException(String.format("%s: %sOffset=0x%X + %sLength=0x%X points past the message "
                    + "(length 0x%X) at byte %d", command, field, offset, field, length, message.readableBytes(), fieldAt));
        }
        byte[] out = new byte[(int) length];
        message.getBytes(message.readerIndex() + (int) offset, out);
        return out;
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.mssmb2.Smb2DecodeException;

/**
 * SMB2 READ Response (MS-SMB2 2.2.20): StructureSize 17 (2), DataOffset (1), Reserved (1),
 * DataLength (4), DataRemaining (4), Flags/Reserved2 (4), then the data.
 *
 * <p>The data stays in the received buffer: {@link #dataOffset()} and {@link #dataLength()} locate
 * it from the header's start, so large reads are not copied.
 */
public record ReadResponse(int dataOffset, long dataLength, long dataRemaining) {
    private static final String COMMAND = "READ response";

    public static ReadResponse decode(ByteBuf message) {
        int body = Bodies.start(message, COMMAND, 17, 16) + Bodies.HEADER;
        int offset = message.getUnsignedByte(body + 2);
        long length = message.getUnsignedIntLE(body + 4);
        if (length > 0 && (offset < 64 + 16 || offset + length > message.readableBytes())) {
            throw new Smb2DecodeException(String.format("%s: DataOffset=0x%X + DataLength=0x%X points past the message "
                    + "(length 0x%X) at byte 66", COMMAND, offset, length, message.readableBytes()));
        }
        return new ReadResponse(offset, length, message.getUnsignedIntLE(body + 8));
    }
}

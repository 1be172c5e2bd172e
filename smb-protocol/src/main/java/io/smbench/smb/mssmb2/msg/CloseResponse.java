package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * SMB2 CLOSE Response (MS-SMB2 2.2.16): StructureSize 60 (2), Flags (2), Reserved (4), the four
 * times (8 each), AllocationSize (8), EndofFile (8), FileAttributes (4); the attributes are zero
 * unless the request asked for them.
 */
public record CloseResponse(int flags, long lastWriteTime, long endOfFile, int fileAttributes) {
    public static CloseResponse decode(ByteBuf message) {
        int body = Bodies.start(message, "CLOSE response", 60, 60) + Bodies.HEADER;
        return new CloseResponse(message.getUnsignedShortLE(body + 2), message.getLongLE(body + 24),
                message.getLongLE(body + 48), message.getIntLE(body + 56));
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * SMB2 ERROR Response (MS-SMB2 2.2.2): StructureSize 9 (2), ErrorContextCount (1), Reserved (1),
 * ByteCount (4), ErrorData (ByteCount bytes; a single padding byte when ByteCount is 0, which some
 * servers omit, so 8 bytes are accepted too).
 */
public record ErrorResponse(int errorContextCount, byte[] errorData) {
    private static final String COMMAND = "ERROR response";

    public static ErrorResponse decode(ByteBuf message) {
        int body = Bodies.start(message, COMMAND, 9, 8) + Bodies.HEADER;
        long byteCount = message.getUnsignedIntLE(body + 4);
        return new ErrorResponse(message.getUnsignedByte(body + 2),
                Bodies.buffer(message, Bodies.HEADER + 8, byteCount, COMMAND, "ErrorData", 68));
    }
}

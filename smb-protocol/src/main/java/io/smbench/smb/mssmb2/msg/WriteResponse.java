package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * SMB2 WRITE Response (MS-SMB2 2.2.22): StructureSize 17 (2), Reserved (2), Count (4), Remaining
 * (4), WriteChannelInfoOffset (2), WriteChannelInfoLength (2).
 */
public record WriteResponse(long count) {
    public static WriteResponse decode(ByteBuf message) {
        int body = Bodies.start(message, "WRITE response", 17, 16) + Bodies.HEADER;
        return new WriteResponse(message.getUnsignedIntLE(body + 4));
    }
}

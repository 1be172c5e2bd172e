package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * SMB2 IOCTL Response (MS-SMB2 2.2.32): StructureSize 49 (2), Reserved (2), CtlCode (4), FileId
 * (16), InputOffset (4), InputCount (4), OutputOffset (4), OutputCount (4), Flags (4), Reserved2
 * (4), then the buffers.
 */
public record IoctlResponse(int ctlCode, byte[] output) {
    private static final String COMMAND = "IOCTL response";

    public static IoctlResponse decode(ByteBuf message) {
        int body = Bodies.start(message, COMMAND, 49, 48) + Bodies.HEADER;
        long outputOffset = message.getUnsignedIntLE(body + 32);
        long outputCount = message.getUnsignedIntLE(body + 36);
        return new IoctlResponse(message.getIntLE(body + 4),
                Bodies.buffer(message, outputOffset, outputCount, COMMAND, "Output", 64 + 32));
    }
}

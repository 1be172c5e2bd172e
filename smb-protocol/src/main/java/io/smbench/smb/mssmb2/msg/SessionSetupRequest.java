package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 SESSION_SETUP Request (MS-SMB2 2.2.5): StructureSize 25 (2), Flags (1, BINDING 0x01),
 * SecurityMode (1), Capabilities (4), Channel (4), SecurityBufferOffset (2), SecurityBufferLength
 * (2), PreviousSessionId (8), then the security buffer (a GSS token).
 */
public record SessionSetupRequest(int flags, int securityMode, int capabilities, long previousSessionId,
        byte[] securityBuffer) implements BodyWriter {
    public static final int FLAG_BINDING = 0x01;

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(25);
        out.writeByte(flags);
        out.writeByte(securityMode);
        out.writeIntLE(capabilities);
        out.writeIntLE(0);
        out.writeShortLE(out.writerIndex() + 12 - headerStart);
        out.writeShortLE(securityBuffer.length);
        out.writeLongLE(previousSessionId);
        out.writeBytes(securityBuffer);
    }
}

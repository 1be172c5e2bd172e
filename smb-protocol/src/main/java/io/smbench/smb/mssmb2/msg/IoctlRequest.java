package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 IOCTL Request (MS-SMB2 2.2.31): StructureSize 57 (2), Reserved (2), CtlCode (4), FileId
 * (16), InputOffset (4), InputCount (4), MaxInputResponse (4), OutputOffset (4), OutputCount (4),
 * MaxOutputResponse (4), Flags (4, SMB2_0_IOCTL_IS_FSCTL 1), Reserved2 (4), then the input.
 */
public record IoctlRequest(int ctlCode, long persistentFileId, long volatileFileId, byte[] input,
        int maxOutputResponse, boolean fsctl) implements BodyWriter {
    /** FSCTL_VALIDATE_NEGOTIATE_INFO (MS-SMB2 2.2.31). */
    public static final int FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204;

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(57);
        out.writeShortLE(0);
        out.writeIntLE(ctlCode);
        out.writeLongLE(persistentFileId);
        out.writeLongLE(volatileFileId);
        int inputOffset = out.writerIndex() + 32 - headerStart;
        out.writeIntLE(input.length == 0 ? 0 : inputOffset);
        out.writeIntLE(input.length);
        out.writeIntLE(0);
        out.writeIntLE(0);
        out.writeIntLE(0);
        out.writeIntLE(maxOutputResponse);
        out.writeIntLE(fsctl ? 1 : 0);
        out.writeIntLE(0);
        out.writeBytes(input);
    }
}

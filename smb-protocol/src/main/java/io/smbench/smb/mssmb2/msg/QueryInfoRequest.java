package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 QUERY_INFO Request (MS-SMB2 2.2.37): StructureSize 41 (2), InfoType (1), FileInfoClass (1),
 * OutputBufferLength (4), InputBufferOffset (2), Reserved (2), InputBufferLength (4),
 * AdditionalInformation (4), Flags (4), FileId (16), then an optional input buffer (none here).
 */
public record QueryInfoRequest(int infoType, int infoClass, int outputBufferLength, int additionalInformation,
        FileId fileId) implements BodyWriter {
    public static final int INFO_FILE = 1;
    public static final int INFO_FILESYSTEM = 2;
    public static final int INFO_SECURITY = 3;
    public static final int INFO_QUOTA = 4;

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(41);
        out.writeByte(infoType);
        out.writeByte(infoClass);
        out.writeIntLE(outputBufferLength);
        out.writeShortLE(0);
        out.writeShortLE(0);
        out.writeIntLE(0);
        out.writeIntLE(additionalInformation);
        out.writeIntLE(0);
        fileId.write(out);
        out.writeByte(0);
    }
}

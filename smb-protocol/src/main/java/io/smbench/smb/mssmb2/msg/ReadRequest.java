package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 READ Request (MS-SMB2 2.2.19): StructureSize 49 (2), Padding (1), Flags (1), Length (4),
 * Offset (8), FileId (16), MinimumCount (4), Channel (4), RemainingBytes (4),
 * ReadChannelInfoOffset (2), ReadChannelInfoLength (2), Buffer (1, zero).
 */
public record ReadRequest(FileId fileId, long offset, int length, int minimumCount) implements BodyWriter {
    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(49);
        out.writeByte(0x50); // Padding: where the server should put the data (header + 16)
        out.writeByte(0);
        out.writeIntLE(length);
        out.writeLongLE(offset);
        fileId.write(out);
        out.writeIntLE(minimumCount);
        out.writeIntLE(0);
        out.writeIntLE(0);
        out.writeShortLE(0);
        out.writeShortLE(0);
        out.writeByte(0);
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 WRITE Request (MS-SMB2 2.2.21): StructureSize 49 (2), DataOffset (2), Length (4), Offset
 * (8), FileId (16), Channel (4), RemainingBytes (4), WriteChannelInfoOffset (2),
 * WriteChannelInfoLength (2), Flags (4), then the data at DataOffset (header + 48).
 *
 * @param data the bytes to write; read from its reader index without consuming it
 */
public record WriteRequest(FileId fileId, long offset, ByteBuf data) implements BodyWriter {
    @Override
    public void write(ByteBuf out, int headerStart) {
        int length = data.readableBytes();
        out.writeShortLE(49);
        out.writeShortLE(out.writerIndex() + 46 - headerStart);
        out.writeIntLE(length);
        out.writeLongLE(offset);
        fileId.write(out);
        out.writeIntLE(0);
        out.writeIntLE(0);
        out.writeShortLE(0);
        out.writeShortLE(0);
        out.writeIntLE(0);
        out.writeBytes(data, data.readerIndex(), length);
    }
}

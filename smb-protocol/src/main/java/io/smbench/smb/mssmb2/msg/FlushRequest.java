package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/** SMB2 FLUSH Request (MS-SMB2 2.2.17): StructureSize 24 (2), Reserved1 (2), Reserved2 (4), FileId (16). */
public record FlushRequest(FileId fileId) implements BodyWriter {
    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(24);
        out.writeShortLE(0);
        out.writeIntLE(0);
        fileId.write(out);
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 CLOSE Request (MS-SMB2 2.2.15): StructureSize 24 (2), Flags (2,
 * SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB 1), Reserved (4), FileId (16).
 */
public record CloseRequest(FileId fileId, boolean postQueryAttributes) implements BodyWriter {
    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(24);
        out.writeShortLE(postQueryAttributes ? 1 : 0);
        out.writeIntLE(0);
        fileId.write(out);
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 CHANGE_NOTIFY Request (MS-SMB2 2.2.35): StructureSize 32 (2), Flags (2, WATCH_TREE 0x1),
 * OutputBufferLength (4), FileId (16), CompletionFilter (4), Reserved (4). The response
 * (2.2.36) has the QUERY_INFO shape ({@link OutputBufferResponse}) holding FILE_NOTIFY_INFORMATION
 * entries (MS-FSCC 2.7.1).
 */
public record ChangeNotifyRequest(FileId fileId, int completionFilter, boolean watchTree, int outputBufferLength)
        implements BodyWriter {
    public static final int FILE_NAME = 0x1;
    public static final int DIR_NAME = 0x2;
    public static final int ATTRIBUTES = 0x4;
    public static final int SIZE = 0x8;
    public static final int LAST_WRITE = 0x10;

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(32);
        out.writeShortLE(watchTree ? 1 : 0);
        out.writeIntLE(outputBufferLength);
        fileId.write(out);
        out.writeIntLE(completionFilter);
        out.writeIntLE(0);
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;
import java.util.List;

/**
 * SMB2 LOCK Request (MS-SMB2 2.2.26): StructureSize 48 (2), LockCount (2), LockSequenceNumber and
 * LockSequenceIndex (4), FileId (16), then LockCount SMB2_LOCK_ELEMENTs (2.2.26.1): Offset (8),
 * Length (8), Flags (4), Reserved (4). The response (2.2.27) is StructureSize 4 and Reserved.
 */
public record LockRequest(FileId fileId, List<Element> locks) implements BodyWriter {
    public static final int SHARED = 0x1;
    public static final int EXCLUSIVE = 0x2;
    public static final int UNLOCK = 0x4;
    public static final int FAIL_IMMEDIATELY = 0x10;

    /** One byte range and what to do with it. */
    public record Element(long offset, long length, int flags) {}

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(48);
        out.writeShortLE(locks.size());
        out.writeIntLE(0);
        fileId.write(out);
        for (Element lock : locks) {
            out.writeLongLE(lock.offset());
            out.writeLongLE(lock.length());
            out.writeIntLE(lock.flags());
            out.writeIntLE(0);
        }
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/** SMB2_FILEID (MS-SMB2 2.2.14.1): Persistent (8) and Volatile (8). */
public record FileId(long persistent, long volatileId) {
    /** The FileId of a request chained after a CREATE with SMB2_FLAGS_RELATED_OPERATIONS (3.2.4.1.4). */
    public static final FileId RELATED = new FileId(-1L, -1L);

    void write(ByteBuf out) {
        out.writeLongLE(persistent);
        out.writeLongLE(volatileId);
    }

    static FileId read(ByteBuf message, int at) {
        return new FileId(message.getLongLE(at), message.getLongLE(at + 8));
    }

    @Override
    public String toString() {
        return String.format("%016x:%016x", persistent, volatileId);
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * The oplock break messages, which share one layout: Notification (MS-SMB2 2.2.23.1, server),
 * Acknowledgment (2.2.24.1, client) and Response (2.2.25.1, server): StructureSize 24 (2),
 * OplockLevel (1), Reserved (1), Reserved2 (4), FileId (16).
 */
public record OplockBreak(int oplockLevel, FileId fileId) implements BodyWriter {
    /** The lease break notification has StructureSize 44 (2.2.23.2); this decoder refuses it. */
    public static final int LEASE_BREAK_STRUCTURE_SIZE = 44;

    public static OplockBreak decode(ByteBuf message) {
        int body = Bodies.start(message, "OPLOCK_BREAK", 24, 24) + Bodies.HEADER;
        return new OplockBreak(message.getUnsignedByte(body + 2), FileId.read(message, body + 8));
    }

    /** The StructureSize of a received break, to tell oplock (24) from lease (44) breaks. */
    public static int structureSize(ByteBuf message) {
        return message.readableBytes() < 66 ? -1 : message.getUnsignedShortLE(message.readerIndex() + 64);
    }

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(24);
        out.writeByte(oplockLevel);
        out.writeByte(0);
        out.writeIntLE(0);
        fileId.write(out);
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SMB2 CREATE Request (MS-SMB2 2.2.13): StructureSize 57 (2), SecurityFlags (1),
 * RequestedOplockLevel (1), ImpersonationLevel (4), SmbCreateFlags (8), Reserved (8),
 * DesiredAccess (4), FileAttributes (4), ShareAccess (4), CreateDisposition (4), CreateOptions
 * (4), NameOffset (2), NameLength (2), CreateContextsOffset (4), CreateContextsLength (4), then the
 * UTF-16LE name (relative to the share, no leading backslash) and the 8-byte aligned contexts.
 */
public record CreateRequest(int oplockLevel, int impersonationLevel, int desiredAccess, int fileAttributes,
        int shareAccess, int createDisposition, int createOptions, String name, List<CreateContext> contexts)
        implements BodyWriter {

    public static final int OPLOCK_NONE = 0x00;
    public static final int OPLOCK_LEVEL_II = 0x01;
    public static final int OPLOCK_EXCLUSIVE = 0x08;
    public static final int OPLOCK_BATCH = 0x09;
    public static final int OPLOCK_LEASE = 0xFF;

    public static final int IMPERSONATION_IMPERSONATION = 2;

    public static final int FILE_SUPERSEDE = 0;
    public static final int FILE_OPEN = 1;
    public static final int FILE_CREATE = 2;
    public static final int FILE_OPEN_IF = 3;
    public static final int FILE_OVERWRITE = 4;
    public static final int FILE_OVERWRITE_IF = 5;

    public static final int SHARE_READ = 0x1;
    public static final int SHARE_WRITE = 0x2;
    public static final int SHARE_DELETE = 0x4;

    public static final int FILE_DIRECTORY_FILE = 0x00000001;
    public static final int FILE_NON_DIRECTORY_FILE = 0x00000040;
    public static final int FILE_DELETE_ON_CLOSE = 0x00001000;

    public static final int GENERIC_READ = 0x80000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int DELETE = 0x00010000;
    public static final int FILE_READ_ATTRIBUTES = 0x00000080;
    public static final int MAXIMUM_ALLOWED = 0x02000000;

    public static final int FILE_ATTRIBUTE_NORMAL = 0x80;

    @Override
    public void write(ByteBuf out, int headerStart) {
        byte[] unicode = name.getBytes(StandardCharsets.UTF_16LE);
        int bodyStart = out.writerIndex();
        out.writeShortLE(57);
        out.writeByte(0);
        out.writeByte(oplockLevel);
        out.writeIntLE(impersonationLevel);
        out.writeLongLE(0);
        out.writeLongLE(0);
        out.writeIntLE(desiredAccess);
        out.writeIntLE(fileAttributes);
        out.writeIntLE(shareAccess);
        out.writeIntLE(createDisposition);
        out.writeIntLE(createOptions);
        int nameOffset = bodyStart + 56 - headerStart;
        out.writeShortLE(nameOffset);
        out.writeShortLE(unicode.length);
        int contextFieldsAt = out.writerIndex();
        out.writeIntLE(0);
        out.writeIntLE(0);
        out.writeBytes(unicode);
        if (unicode.length == 0) {
            out.writeByte(0); // the Buffer is at least one byte (StructureSize 57 counts it)
        }
        if (!contexts.isEmpty()) {
            out.writeZero(CreateContext.align8(out.writerIndex() - headerStart) - (out.writerIndex() - headerStart));
            int contextsOffset = out.writerIndex() - headerStart;
            int length = CreateContext.writeAll(out, contexts);
            out.setIntLE(contextFieldsAt, contextsOffset);
            out.setIntLE(contextFieldsAt + 4, length);
        }
    }
}

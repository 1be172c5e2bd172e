package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * SMB2 CREATE Response (MS-SMB2 2.2.14): StructureSize 89 (2), OplockLevel (1), Flags (1),
 * CreateAction (4), CreationTime, LastAccessTime, LastWriteTime, ChangeTime (8 each),
 * AllocationSize (8), EndofFile (8), FileAttributes (4), Reserved2 (4), FileId (16),
 * CreateContextsOffset (4), CreateContextsLength (4), then the contexts.
 */
public record CreateResponse(int oplockLevel, int createAction, long creationTime, long lastWriteTime,
        long allocationSize, long endOfFile, int fileAttributes, FileId fileId, List<CreateContext> contexts) {
    private static final String COMMAND = "CREATE response";

    public static final int FILE_SUPERSEDED = 0;
    public static final int FILE_OPENED = 1;
    public static final int FILE_CREATED = 2;
    public static final int FILE_OVERWRITTEN = 3;

    public static CreateResponse decode(ByteBuf message) {
        int body = Bodies.start(message, COMMAND, 89, 88) + Bodies.HEADER;
        long contextsOffset = message.getUnsignedIntLE(body + 80);
        long contextsLength = message.getUnsignedIntLE(body + 84);
        return new CreateResponse(message.getUnsignedByte(body + 2), message.getIntLE(body + 4),
                message.getLongLE(body + 8), message.getLongLE(body + 24), message.getLongLE(body + 40),
                message.getLongLE(body + 48), message.getIntLE(body + 56), FileId.read(message, body + 64),
                CreateContext.readAll(message, contextsOffset, contextsLength, COMMAND));
    }

    /** The data of the context named {@code name}, or null. */
    public byte[] context(String name) {
        for (CreateContext context : contexts) {
            if (context.name().equals(name)) {
                return context.data();
            }
        }
        return null;
    }
}

package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * Requests whose body is StructureSize 4 and Reserved (2): LOGOFF (MS-SMB2 2.2.7), TREE_DISCONNECT
 * (2.2.11) and ECHO (2.2.28).
 */
public enum SimpleRequest implements BodyWriter {
    INSTANCE;

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(4);
        out.writeShortLE(0);
    }
}

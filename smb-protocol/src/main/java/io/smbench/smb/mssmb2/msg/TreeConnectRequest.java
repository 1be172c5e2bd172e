package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;
import java.nio.charset.StandardCharsets;

/**
 * SMB2 TREE_CONNECT Request (MS-SMB2 2.2.9): StructureSize 9 (2), Flags/Reserved (2), PathOffset
 * (2), PathLength (2), then the path {@code \\server\share} in UTF-16LE.
 */
public record TreeConnectRequest(String path) implements BodyWriter {
    @Override
    public void write(ByteBuf out, int headerStart) {
        byte[] unicode = path.getBytes(StandardCharsets.UTF_16LE);
        out.writeShortLE(9);
        out.writeShortLE(0);
        out.writeShortLE(out.writerIndex() + 4 - headerStart);
        out.writeShortLE(unicode.length);
        out.writeBytes(unicode);
    }
}

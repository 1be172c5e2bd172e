package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * SMB2 TREE_CONNECT Response (MS-SMB2 2.2.10): StructureSize 16 (2), ShareType (1: DISK 1, PIPE 2,
 * PRINT 3), Reserved (1), ShareFlags (4), Capabilities (4), MaximalAccess (4).
 */
public record TreeConnectResponse(int shareType, int shareFlags, int capabilities, int maximalAccess) {
    public static TreeConnectResponse decode(ByteBuf message) {
        int body = Bodies.start(message, "TREE_CONNECT response", 16, 16) + Bodies.HEADER;
        return new TreeConnectResponse(message.getUnsignedByte(body + 2), message.getIntLE(body + 4),
                message.getIntLE(body + 8), message.getIntLE(body + 12));
    }

    public String shareTypeName() {
        return switch (shareType) {
            case 1 -> "DISK";
            case 2 -> "PIPE";
            case 3 -> "PRINT";
            default -> String.format("0x%02X", shareType);
        };
    }
}

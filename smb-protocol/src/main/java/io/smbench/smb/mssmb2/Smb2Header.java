package io.smbench.smb.mssmb2;

import io.netty.buffer.ByteBuf;

/**
 * The 64-byte SMB2 header (MS-SMB2 2.2.1.1 ASYNC, 2.2.1.2 SYNC): field offsets and flag bits for
 * reading and patching it in place, and the writer of a request's sync header.
 *
 * <p>Layout: ProtocolId (4) 0xFE 'S' 'M' 'B', StructureSize (2) 64, CreditCharge (2), Status or
 * ChannelSequence/Reserved (4), Command (2), CreditRequest/CreditResponse (2), Flags (4),
 * NextCommand (4), MessageId (8), Reserved (4) and TreeId (4) or AsyncId (8), SessionId (8),
 * Signature (16).
 */
public final class Smb2Header {
    public static final int LENGTH = 64;
    public static final int PROTOCOL_ID = 0x424D53FE;
    public static final int CREDIT_CHARGE = 6;
    public static final int STATUS = 8;
    public static final int COMMAND = 12;
    public static final int CREDITS = 14;
    public static final int FLAGS = 16;
    public static final int NEXT_COMMAND = 20;
    public static final int MESSAGE_ID = 24;
    public static final int ASYNC_ID = 32;
    public static final int TREE_ID = 36;
    public static final int SESSION_ID = 40;
    public static final int SIGNATURE = 48;

    public static final int FLAG_SERVER_TO_REDIR = 0x1;
    public static final int FLAG_ASYNC_COMMAND = 0x2;
    public static final int FLAG_RELATED_OPERATIONS = 0x4;
    public static final int FLAG_SIGNED = 0x8;

    public static final int STATUS_PENDING = 0x00000103;
    public static final int COMMAND_CANCEL = 0x000C;
    public static final int COMMAND_OPLOCK_BREAK = 0x0012;
    public static final long UNSOLICITED_MESSAGE_ID = 0xFFFFFFFFFFFFFFFFL;


    private Smb2Header() {}

    /**
     * Writes a request's sync header (2.2.1.2) with NextCommand 0 and a zero Signature, which the
     * connection patches when it chains or signs the message.
     */
    public static void writeRequest(ByteBuf out, int command, int creditCharge, int creditRequest, int flags,
            long messageId, int treeId, long sessionId) {
        out.writeIntLE(PROTOCOL_ID);
        out.writeShortLE(LENGTH);
        out.writeShortLE(creditCharge);
        out.writeIntLE(0); // ChannelSequence and Reserved: no replay on this connection yet
        out.writeShortLE(command);
        out.writeShortLE(creditRequest);
        out.writeIntLE(flags);
        out.writeIntLE(0);
        out.writeLongLE(messageId);
        out.writeIntLE(0);
        out.writeIntLE(treeId);
        out.writeLongLE(sessionId);
        out.writeZero(16);
    }
}

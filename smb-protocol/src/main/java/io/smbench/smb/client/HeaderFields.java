package io.smbench.smb.client;

/**
 * Byte offsets and flag bits of the SMB2 header (MS-SMB2 2.2.1.1 ASYNC, 2.2.1.2 SYNC) that the
 * connection reads and patches in place.
 */
final class HeaderFields {
    static final int LENGTH = 64;
    static final int PROTOCOL_ID = 0x424D53FE;
    static final int CREDIT_CHARGE = 6;
    static final int STATUS = 8;
    static final int COMMAND = 12;
    static final int CREDITS = 14;
    static final int FLAGS = 16;
    static final int NEXT_COMMAND = 20;
    static final int MESSAGE_ID = 24;
    static final int ASYNC_ID = 32;
    static final int TREE_ID = 36;
    static final int SESSION_ID = 40;
    static final int SIGNATURE = 48;

    static final int FLAG_SERVER_TO_REDIR = 0x1;
    static final int FLAG_ASYNC_COMMAND = 0x2;
    static final int FLAG_RELATED_OPERATIONS = 0x4;
    static final int FLAG_SIGNED = 0x8;

    static final int STATUS_PENDING = 0x00000103;
    static final int COMMAND_CANCEL = 0x000C;
    static final int COMMAND_OPLOCK_BREAK = 0x0012;
    static final long UNSOLICITED_MESSAGE_ID = 0xFFFFFFFFFFFFFFFFL;

    private HeaderFields() {}
}

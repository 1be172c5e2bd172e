package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * One received response: its header fields and the whole message (header first) for the command's
 * decoder, whose offsets are relative to the header's start. The receiver owns it and must
 * {@link #close()} it.
 */
public final class Smb2Response implements AutoCloseable {
    private final ByteBuf message;
    private final boolean encrypted;

    Smb2Response(ByteBuf message, boolean encrypted) {
        this.message = message;
        this.encrypted = encrypted;
    }

    /** The message from the first header byte to its end (the reader index is at the header). */
    public ByteBuf message() {
        return message;
    }

    public int status() {
        return message.getIntLE(message.readerIndex() + Smb2Header.STATUS);
    }

    public int command() {
        return message.getUnsignedShortLE(message.readerIndex() + Smb2Header.COMMAND);
    }

    public long messageId() {
        return message.getLongLE(message.readerIndex() + Smb2Header.MESSAGE_ID);
    }

    public long sessionId() {
        return message.getLongLE(message.readerIndex() + Smb2Header.SESSION_ID);
    }

    public int flags() {
        return message.getIntLE(message.readerIndex() + Smb2Header.FLAGS);
    }

    public int creditResponse() {
        return message.getUnsignedShortLE(message.readerIndex() + Smb2Header.CREDITS);
    }

    /** TreeId of a sync response; 0 for an async one (whose bytes there hold the AsyncId). */
    public int treeId() {
        return isAsync() ? 0 : message.getIntLE(message.readerIndex() + Smb2Header.TREE_ID);
    }

    public boolean isAsync() {
        return (flags() & Smb2Header.FLAG_ASYNC_COMMAND) != 0;
    }

    public boolean isSigned() {
        return (flags() & Smb2Header.FLAG_SIGNED) != 0;
    }

    /** Whether the response arrived inside a transform header (MS-SMB2 2.2.41). */
    public boolean wasEncrypted() {
        return encrypted;
    }

    @Override
    public void close() {
        if (message.refCnt() > 0) {
            message.release();
        }
    }

    @Override
    public String toString() {
        return "Smb2Response[command=0x" + Integer.toHexString(command()) + ", messageId=" + messageId()
                + ", status=0x" + Integer.toHexString(status()) + "]";
    }
}

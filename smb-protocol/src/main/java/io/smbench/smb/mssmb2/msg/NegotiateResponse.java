package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.mssmb2.Smb2DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * SMB2 NEGOTIATE Response (MS-SMB2 2.2.4): StructureSize 65 (2), SecurityMode (2), DialectRevision
 * (2), NegotiateContextCount (2), ServerGuid (16), Capabilities (4), MaxTransactSize (4),
 * MaxReadSize (4), MaxWriteSize (4), SystemTime (8), ServerStartTime (8), SecurityBufferOffset (2),
 * SecurityBufferLength (2), NegotiateContextOffset (4), then the security buffer and, for 3.1.1,
 * the negotiate contexts (2.2.3.1) at 8-byte aligned offsets.
 */
public record NegotiateResponse(int securityMode, int dialectRevision, byte[] serverGuid, int capabilities,
        long maxTransactSize, long maxReadSize, long maxWriteSize, long systemTime, byte[] securityBuffer,
        List<Context> contexts) {
    private static final String COMMAND = "NEGOTIATE response";

    /** One negotiate context as received: its type and data. */
    public record Context(int type, byte[] data) {}

    public static NegotiateResponse decode(ByteBuf message) {
        int start = Bodies.start(message, COMMAND, 65, 64);
        int body = start + Bodies.HEADER;
        int securityMode = message.getUnsignedShortLE(body + 2);
        int dialect = message.getUnsignedShortLE(body + 4);
        int contextCount = message.getUnsignedShortLE(body + 6);
        byte[] guid = new byte[16];
        message.getBytes(body + 8, guid);
        int capabilities = message.getIntLE(body + 24);
        long maxTransact = message.getUnsignedIntLE(body + 28);
        long maxRead = message.getUnsignedIntLE(body + 32);
        long maxWrite = message.getUnsignedIntLE(body + 36);
        long systemTime = message.getLongLE(body + 40);
        int securityOffset = message.getUnsignedShortLE(body + 56);
        int securityLength = message.getUnsignedShortLE(body + 58);
        byte[] security = Bodies.buffer(message, securityOffset, securityLength, COMMAND, "SecurityBuffer", 64 + 56);
        List<Context> contexts = new ArrayList<>();
        if (dialect == 0x0311) {
            long offset = message.getUnsignedIntLE(body + 60);
            for (int i = 0; i < contextCount; i++) {
                offset = (offset + 7) & ~7L;
                if (offset + 8 > message.readableBytes()) {
                    throw new Smb2DecodeException(String.format("%s: negotiate context %d of %d at byte 0x%X lies past "
                            + "the end of the message (length 0x%X); NegotiateContextOffset is at byte 120", COMMAND,
                            i + 1, contextCount, offset, message.readableBytes()));
                }
                int type = message.getUnsignedShortLE(start + (int) offset);
                int length = message.getUnsignedShortLE(start + (int) offset + 2);
                byte[] data = Bodies.buffer(message, offset + 8, length, COMMAND, "Context[" + i + "].Data",
                        (int) offset + 2);
                contexts.add(new Context(type, data));
                offset += 8 + length;
            }
        }
        return new NegotiateResponse(securityMode, dialect, guid, capabilities, maxTransact, maxRead, maxWrite,
                systemTime, security, List.copyOf(contexts));
    }

    /** The data of the first context of {@code type}, or null. */
    public byte[] context(int type) {
        for (Context context : contexts) {
            if (context.type() == type) {
                return context.data();
            }
        }
        return null;
    }

    /** How many contexts of {@code type} the server sent (MS-SMB2 3.2.5.2 wants exactly one of some). */
    public long contextCount(int type) {
        return contexts.stream().filter(c -> c.type() == type).count();
    }
}

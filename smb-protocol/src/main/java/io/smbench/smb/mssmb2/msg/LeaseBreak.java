package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * Lease Break Notification (MS-SMB2 2.2.23.2): StructureSize 44 (2), NewEpoch (2), Flags (4,
 * ACK_REQUIRED 0x1), LeaseKey (16), CurrentLeaseState (4), NewLeaseState (4), BreakReason (4),
 * AccessMaskHint (4), ShareMaskHint (4). Its acknowledgment (2.2.24.2) is {@link Ack}.
 */
public record LeaseBreak(int newEpoch, int flags, byte[] leaseKey, int currentState, int newState) {
    public static final int ACK_REQUIRED = 0x1;

    public static LeaseBreak decode(ByteBuf message) {
        int body = Bodies.start(message, "LEASE_BREAK notification", 44, 44) + Bodies.HEADER;
        byte[] key = new byte[16];
        message.getBytes(body + 8, key);
        return new LeaseBreak(message.getUnsignedShortLE(body + 2), message.getIntLE(body + 4), key,
                message.getIntLE(body + 24), message.getIntLE(body + 28));
    }

    /**
     * Lease Break Acknowledgment (MS-SMB2 2.2.24.2): StructureSize 36 (2), Reserved (2), Flags (4),
     * LeaseKey (16), LeaseState (4), LeaseDuration (8).
     */
    public record Ack(byte[] leaseKey, int state) implements BodyWriter {
        @Override
        public void write(ByteBuf out, int headerStart) {
            out.writeShortLE(36);
            out.writeShortLE(0);
            out.writeIntLE(0);
            out.writeBytes(leaseKey, 0, 16);
            out.writeIntLE(state);
            out.writeLongLE(0);
        }
    }
}

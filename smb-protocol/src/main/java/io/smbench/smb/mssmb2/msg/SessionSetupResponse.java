package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;

/**
 * SMB2 SESSION_SETUP Response (MS-SMB2 2.2.6): StructureSize 9 (2), SessionFlags (2: IS_GUEST,
 * IS_NULL, ENCRYPT_DATA), SecurityBufferOffset (2), SecurityBufferLength (2), then the buffer.
 */
public record SessionSetupResponse(int sessionFlags, byte[] securityBuffer) {
    private static final String COMMAND = "SESSION_SETUP response";

    public static SessionSetupResponse decode(ByteBuf message) {
        int start = Bodies.start(message, COMMAND, 9, 8);
        int body = start + Bodies.HEADER;
        int flags = message.getUnsignedShortLE(body + 2);
        int offset = message.getUnsignedShortLE(body + 4);
        int length = message.getUnsignedShortLE(body + 6);
        return new SessionSetupResponse(flags, Bodies.buffer(message, offset, length, COMMAND, "SecurityBuffer", 68));
    }
}

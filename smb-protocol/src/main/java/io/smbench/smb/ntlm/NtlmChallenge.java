package io.smbench.smb.ntlm;

import java.nio.charset.StandardCharsets;

/**
 * CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2), decoded strictly: Signature "NTLMSSP\0" (8), MessageType 2
 * (4), TargetNameFields (8) at 12, NegotiateFlags (4) at 20, ServerChallenge (8) at 24, Reserved
 * (8) at 32, TargetInfoFields (8) at 40, Version (8) at 48, then the payload.
 *
 * @param raw the message as received (the MIC covers it byte for byte)
 */
public record NtlmChallenge(byte[] raw, int flags, byte[] serverChallenge, String targetName, AvPairs targetInfo) {
    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_LENGTH = 32;

    public static NtlmChallenge decode(byte[] message) {
        if (message.length < MIN_LENGTH) {
            throw new NtlmFormatException("CHALLENGE_MESSAGE of " + message.length + " bytes is shorter than its "
                    + MIN_LENGTH + "-byte fixed part");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (message[i] != SIGNATURE[i]) {
                throw new NtlmFormatException("CHALLENGE_MESSAGE: Signature at byte 0 is not \"NTLMSSP\\0\"");
            }
        }
        int type = int32(message, 8);
        if (type != 2) {
            throw new NtlmFormatException("CHALLENGE_MESSAGE: MessageType=" + type + " at byte 8, expected 2");
        }
        int flags = int32(message, 20);
        byte[] serverChallenge = new byte[8];
        System.arraycopy(message, 24, serverChallenge, 0, 8);
        byte[] name = field(message, 12, "TargetNameFields");
        String targetName = new String(name, (flags & NtlmFlags.UNICODE) != 0 ? StandardCharsets.UTF_16LE
                : StandardCharsets.US_ASCII);
        AvPairs info;
        if ((flags & NtlmFlags.TARGET_INFO) != 0) {
            if (message.length < 48) {
                throw new NtlmFormatException("CHALLENGE_MESSAGE: NTLMSSP_NEGOTIATE_TARGET_INFO is set but the message "
                        + "ends at byte " + message.length + " before TargetInfoFields (byte 40)");
            }
            info = AvPairs.decode(field(message, 40, "TargetInfoFields"), int32(message, 44));
        } else {
            info = AvPairs.decode(new byte[4], 0);
        }
        return new NtlmChallenge(message.clone(), flags, serverChallenge, targetName, info);
    }

    /** Reads a (Len, MaxLen, BufferOffset) field and checks it lies inside the message. */
    static byte[] field(byte[] message, int at, String name) {
        int length = (message[at] & 0xFF) | (message[at + 1] & 0xFF) << 8;
        long offset = int32(message, at + 4) & 0xFFFFFFFFL;
        if (length == 0) {
            return new byte[0];
        }
        if (offset + length > message.length) {
            throw new NtlmFormatException("CHALLENGE_MESSAGE: " + name + " at byte " + at + " points to bytes " + offset
                    + ".." + (offset + length) + ", past the end of the message (" + message.length + " bytes)");
        }
        byte[] value = new byte[length];
        System.arraycopy(message, (int) offset, value, 0, length);
        return value;
    }

    static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}

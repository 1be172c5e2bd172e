package io.smbench.engine.compile;

import java.nio.charset.StandardCharsets;

/**
 * The user of an NTLM AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3) inside a SESSION_SETUP request's
 * security buffer, whether raw or wrapped in SPNEGO: the message is found by its signature
 * "NTLMSSP\0" and MessageType 3. DomainNameFields are at 28 and UserNameFields at 36 (Len 2,
 * MaxLen 2, BufferOffset 4, offsets from the signature), NegotiateFlags at 60 (bit 0x1
 * NTLMSSP_NEGOTIATE_UNICODE: UTF-16LE names, otherwise OEM, read as ASCII).
 */
final class NtlmUserName {
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final int AUTHENTICATE = 3;

    private NtlmUserName() {}

    /** {@code DOMAIN\\user}, {@code user} without a domain, or null: no AUTHENTICATE, anonymous or malformed. */
    static String find(byte[] bytes, int from, int to) {
        for (int at = from; at + 64 <= to; at++) {
            if (matches(bytes, at) && Le.u32(bytes, at + 8) == AUTHENTICATE) {
                return read(bytes, at, to);
            }
        }
        return null;
    }

    private static boolean matches(byte[] bytes, int at) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[at + i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static String read(byte[] bytes, int message, int end) {
        boolean unicode = (Le.u32(bytes, message + 60) & 0x1) != 0;
        String user = field(bytes, message, message + 36, end, unicode);
        if (user == null || user.isEmpty()) {
            return null; // anonymous, or the field points outside the buffer
        }
        String domain = field(bytes, message, message + 28, end, unicode);
        return domain == null || domain.isEmpty() ? user : domain + "\\" + user;
    }

    private static String field(byte[] bytes, int message, int fieldAt, int end, boolean unicode) {
        int length = Le.u16(bytes, fieldAt);
        long offset = Le.u32(bytes, fieldAt + 4);
        if (offset + length > end - message) {
            return null;
        }
        int at = message + (int) offset;
        return new String(bytes, at, length, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
    }
}

package io.smbench.lab.wire;

import java.util.HexFormat;

/**
 * One SMB3 session's decryption material in the form Wireshark's {@code smb2_seskey_list} takes.
 *
 * @param sessionIdWireHex the 8-byte SessionId as it appears on the wire (little-endian), in hex
 * @param sessionKeyHex the 16-byte session key in hex
 */
public record SessionKey(String sessionIdWireHex, String sessionKeyHex) {
    /** From a SessionId value and the raw session key. */
    public static SessionKey of(long sessionId, byte[] sessionKey) {
        byte[] wire = new byte[8];
        for (int i = 0; i < 8; i++) {
            wire[i] = (byte) (sessionId >>> (8 * i));
        }
        HexFormat hex = HexFormat.of();
        return new SessionKey(hex.formatHex(wire), hex.formatHex(sessionKey));
    }

    String uatEntry() {
        return sessionIdWireHex + "," + sessionKeyHex + ",\"\",\"\"";
    }

    @Override
    public String toString() {
        // Keys stay out of test logs; the session id is enough to tell sessions apart.
        return "SessionKey[session=" + sessionIdWireHex + "]";
    }
}

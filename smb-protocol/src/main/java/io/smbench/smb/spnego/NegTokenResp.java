package io.smbench.smb.spnego;

import java.util.Arrays;

/**
 * NegTokenResp (RFC 4178 4.2.2), the server's answer in each SESSION_SETUP response:
 * {@code [1] SEQUENCE { [0] negState, [1] supportedMech, [2] responseToken, [3] mechListMIC }},
 * all optional.
 *
 * @param negState accept-completed (0), accept-incomplete (1), reject (2), request-mic (3); -1 if absent
 * @param responseToken the mechanism token (the NTLM CHALLENGE), or null
 * @param mechListMic the server's mechListMIC, or null
 */
public record NegTokenResp(int negState, byte[] supportedMech, byte[] responseToken, byte[] mechListMic) {
    public static final int ACCEPT_COMPLETED = 0;
    public static final int ACCEPT_INCOMPLETE = 1;
    public static final int REJECT = 2;

    /** Decodes a server token strictly; any inconsistency names the field and byte offset. */
    public static NegTokenResp decode(byte[] token) {
        Der.Element outer = Der.expect(token, 0, token.length, 0xA1, "NegTokenResp");
        Der.Element sequence = Der.expect(token, outer.contentStart(), outer.contentEnd(), 0x30, "NegTokenResp SEQUENCE");
        int negState = -1;
        byte[] mech = null;
        byte[] response = null;
        byte[] mic = null;
        int at = sequence.contentStart();
        while (at < sequence.contentEnd()) {
            Der.Element field = Der.read(token, at, sequence.contentEnd(), "NegTokenResp field");
            switch (field.tag()) {
                case 0xA0 -> {
                    Der.Element e = Der.expect(token, field.contentStart(), field.contentEnd(), 0x0A, "negState");
                    if (e.contentEnd() - e.contentStart() != 1) {
                        throw new SpnegoFormatException("negState: ENUMERATED of " + (e.contentEnd() - e.contentStart())
                                + " bytes at byte " + e.contentStart() + ", expected 1");
                    }
                    negState = token[e.contentStart()] & 0xFF;
                }
                case 0xA1 -> mech = contents(token, Der.expect(token, field.contentStart(), field.contentEnd(), 0x06,
                        "supportedMech"));
                case 0xA2 -> response = contents(token, Der.expect(token, field.contentStart(), field.contentEnd(), 0x04,
                        "responseToken"));
                case 0xA3 -> mic = contents(token, Der.expect(token, field.contentStart(), field.contentEnd(), 0x04,
                        "mechListMIC"));
                default -> throw new SpnegoFormatException(String.format(
                        "NegTokenResp: unknown field tag 0x%02X at byte %d", field.tag(), at));
            }
            at = field.contentEnd();
        }
        return new NegTokenResp(negState, mech, response, mic);
    }

    private static byte[] contents(byte[] token, Der.Element element) {
        return Arrays.copyOfRange(token, element.contentStart(), element.contentEnd());
    }
}

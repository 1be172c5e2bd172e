package io.smbench.smb.spnego;

/**
 * The client's SPNEGO tokens (RFC 4178, MS-SPNG 3.2.5): the initial NegTokenInit inside the
 * GSS-API InitialContextToken (RFC 2743 3.1) offering NTLMSSP, and NegTokenResp for later legs.
 */
public final class SpnegoTokens {
    /** DER of OID 1.3.6.1.5.5.2 (SPNEGO). */
    static final byte[] SPNEGO_OID = {0x06, 0x06, 0x2B, 0x06, 0x01, 0x05, 0x05, 0x02};

    /** DER of OID 1.3.6.1.4.1.311.2.2.10 (NTLMSSP). */
    public static final byte[] NTLMSSP_OID = {0x06, 0x0A, 0x2B, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02, 0x0A};

    /** DER of MechTypeList {NTLMSSP}: what mechListMIC signs (MS-SPNG 3.3.5.1). */
    public static final byte[] MECH_TYPE_LIST = Der.tlv(0x30, NTLMSSP_OID);

    private SpnegoTokens() {}

    /** InitialContextToken { SPNEGO OID, [0] NegTokenInit { [0] mechTypes, [2] mechToken } }. */
    public static byte[] negTokenInit(byte[] mechToken) {
        byte[] init = Der.tlv(0x30, Der.tlv(0xA0, MECH_TYPE_LIST), Der.tlv(0xA2, Der.tlv(0x04, mechToken)));
        return Der.tlv(0x60, SPNEGO_OID, Der.tlv(0xA0, init));
    }

    /** [1] NegTokenResp { [2] responseToken, [3] mechListMIC } (mechListMIC omitted when null). */
    public static byte[] negTokenResp(byte[] responseToken, byte[] mechListMic) {
        byte[] response = Der.tlv(0xA2, Der.tlv(0x04, responseToken));
        byte[] sequence = mechListMic == null ? Der.tlv(0x30, response)
                : Der.tlv(0x30, response, Der.tlv(0xA3, Der.tlv(0x04, mechListMic)));
        return Der.tlv(0xA1, sequence);
    }
}

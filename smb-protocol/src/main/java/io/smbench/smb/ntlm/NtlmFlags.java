package io.smbench.smb.ntlm;

/** NegotiateFlags bits (MS-NLMP 2.2.2.5) that this client sets or reads. */
public final class NtlmFlags {
    public static final int UNICODE = 0x00000001;
    public static final int OEM = 0x00000002;
    public static final int REQUEST_TARGET = 0x00000004;
    public static final int SIGN = 0x00000010;
    public static final int SEAL = 0x00000020;
    public static final int NTLM = 0x00000200;
    public static final int ANONYMOUS = 0x00000800;
    public static final int ALWAYS_SIGN = 0x00008000;
    public static final int EXTENDED_SESSIONSECURITY = 0x00080000;
    public static final int TARGET_INFO = 0x00800000;
    public static final int VERSION = 0x02000000;
    public static final int NEGOTIATE_128 = 0x20000000;
    public static final int KEY_EXCH = 0x40000000;
    public static final int NEGOTIATE_56 = 0x80000000;

    /** What this client asks for: NTLMv2 with extended session security, 128-bit keys and key exchange. */
    public static final int CLIENT_DEFAULT = UNICODE | REQUEST_TARGET | SIGN | SEAL | NTLM | ALWAYS_SIGN
            | EXTENDED_SESSIONSECURITY | VERSION | NEGOTIATE_128 | KEY_EXCH | NEGOTIATE_56;

    private NtlmFlags() {}
}

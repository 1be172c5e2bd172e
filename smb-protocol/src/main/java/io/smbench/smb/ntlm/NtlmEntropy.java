package io.smbench.smb.ntlm;

import java.security.SecureRandom;

/**
 * The random and time inputs of an NTLMv2 exchange; tests replace it to reproduce the published
 * messages of MS-NLMP 4.2.4.
 */
public interface NtlmEntropy {
    /** ClientChallenge (8 bytes, 3.3.2). */
    byte[] clientChallenge();

    /** ExportedSessionKey when key exchange is negotiated (16 bytes, 3.1.5.1.2). */
    byte[] randomSessionKey();

    /** Current time as a FILETIME (100 ns since 1601), used when the server sends no MsvAvTimestamp. */
    long fileTimeNow();

    /** Secure random values and the system clock. */
    static NtlmEntropy secure() {
        SecureRandom random = new SecureRandom();
        return new NtlmEntropy() {
            @Override
            public byte[] clientChallenge() {
                byte[] b = new byte[8];
                random.nextBytes(b);
                return b;
            }

            @Override
            public byte[] randomSessionKey() {
                byte[] b = new byte[16];
                random.nextBytes(b);
                return b;
            }

            @Override
            public long fileTimeNow() {
                return (System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L;
            }
        };
    }
}

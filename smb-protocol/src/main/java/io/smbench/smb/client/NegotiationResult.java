package io.smbench.smb.client;

import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.PreauthIntegrityHash;
import io.smbench.smb.crypto.SigningAlgorithm;
import io.smbench.smb.mssmb2.Dialect;

/**
 * What NEGOTIATE settled for a connection (MS-SMB2 3.2.5.2): the Connection.* values that
 * sessions and requests depend on.
 *
 * @param cipher the 3.1.1 cipher, AES-128-CCM for 3.0/3.0.2 when the server can encrypt, or null
 * @param signingAlgorithm algorithm sessions sign with on this connection
 * @param preauthHash the connection's preauth integrity hash after NEGOTIATE (3.1.1 only), else null
 * @param serverSecurityBuffer the server's SPNEGO hint from the NEGOTIATE response
 */
public record NegotiationResult(
        Dialect dialect,
        int serverSecurityMode,
        byte[] serverGuid,
        int serverCapabilities,
        long maxTransactSize,
        long maxReadSize,
        long maxWriteSize,
        CipherSuite cipher,
        SigningAlgorithm signingAlgorithm,
        PreauthIntegrityHash preauthHash,
        byte[] serverSecurityBuffer,
        int clientSecurityMode,
        int clientCapabilities) {

    /** Whether the server requires every session to sign (SMB2_NEGOTIATE_SIGNING_REQUIRED). */
    public boolean serverRequiresSigning() {
        return (serverSecurityMode & io.smbench.smb.mssmb2.Smb2Flags.SIGNING_REQUIRED) != 0;
    }

    /** The server GUID in the usual text form. */
    public String serverGuidText() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(serverGuid).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int d1 = b.getInt();
        short d2 = b.getShort();
        short d3 = b.getShort();
        StringBuilder s = new StringBuilder(String.format("%08x-%04x-%04x-", d1, d2 & 0xFFFF, d3 & 0xFFFF));
        for (int i = 8; i < 16; i++) {
            s.append(String.format("%02x", serverGuid[i]));
            if (i == 9) {
                s.append('-');
            }
        }
        return s.toString();
    }
}

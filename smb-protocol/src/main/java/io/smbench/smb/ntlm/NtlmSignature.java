package io.smbench.smb.ntlm;

import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * NTLMSSP_MESSAGE_SIGNATURE with extended session security (MS-NLMP 3.4.4.2): Version 1,
 * Checksum = first 8 bytes of HMAC_MD5(SigningKey, SeqNum ‖ Message), RC4-sealed with the
 * direction's sealing handle when key exchange was negotiated, then SeqNum. SPNEGO uses it for
 * mechListMIC (MS-SPNG 3.3.5.1).
 *
 * <p>The RC4 handle is stateful and continues across messages of one direction, as 3.4.4.2 says.
 */
public final class NtlmSignature {
    private final byte[] signKey;
    private final RC4Engine sealingHandle;
    private int sequenceNumber;

    public NtlmSignature(byte[] exportedSessionKey, boolean clientToServer, boolean keyExchange) {
        this.signKey = NtlmCrypto.signKey(exportedSessionKey, clientToServer);
        if (keyExchange) {
            sealingHandle = new RC4Engine();
            sealingHandle.init(true, new KeyParameter(NtlmCrypto.sealKey(exportedSessionKey, clientToServer)));
        } else {
            sealingHandle = null;
        }
    }

    /** The 16-byte signature of {@code message} with the next sequence number. */
    public byte[] sign(byte[] message) {
        byte[] seq = {(byte) sequenceNumber, (byte) (sequenceNumber >>> 8), (byte) (sequenceNumber >>> 16),
            (byte) (sequenceNumber >>> 24)};
        byte[] checksum = java.util.Arrays.copyOf(NtlmCrypto.hmacMd5(signKey, seq, message), 8);
        if (sealingHandle != null) {
            byte[] sealed = new byte[8];
            sealingHandle.processBytes(checksum, 0, 8, sealed, 0);
            checksum = sealed;
        }
        byte[] signature = new byte[16];
        signature[0] = 1;
        System.arraycopy(checksum, 0, signature, 4, 8);
        System.arraycopy(seq, 0, signature, 12, 4);
        sequenceNumber++;
        return signature;
    }
}

package io.smbench.smb.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client side of one NTLMv2 exchange (MS-NLMP 3.1.5.1): {@link #negotiate()} gives the
 * NEGOTIATE_MESSAGE, {@link #authenticate(byte[])} takes the server's CHALLENGE_MESSAGE and gives
 * the AUTHENTICATE_MESSAGE; then {@link #exportedSessionKey()} is the SMB session key.
 *
 * <p>When the server's TargetInfo carries MsvAvTimestamp the client uses that time, sends Z(24) as
 * LmChallengeResponse, sets MsvAvFlags' MIC bit and fills the MIC (3.1.5.1.2).
 */
public final class NtlmClient {
    /** Version field: Windows 10.0 build 19041, NTLMSSP_REVISION_W2K3 (2.2.2.10). */
    static final byte[] VERSION = {10, 0, 0x61, 0x4A, 0, 0, 0, 0x0F};
    private static final int NEGOTIATE_LENGTH = 40;
    private static final int MIC_OFFSET = 72;

    private final NtlmCredentials credentials;
    private final NtlmEntropy entropy;
    private final String workstation;
    private byte[] negotiateMessage;
    private byte[] exportedSessionKey;
    private int negotiatedFlags;

    public NtlmClient(NtlmCredentials credentials, NtlmEntropy entropy, String workstation) {
        this.credentials = credentials;
        this.entropy = entropy;
        this.workstation = workstation == null ? "" : workstation;
    }

    /** NEGOTIATE_MESSAGE (2.2.1.1) with {@link NtlmFlags#CLIENT_DEFAULT}, no domain or workstation. */
    public byte[] negotiate() {
        byte[] message = new byte[NEGOTIATE_LENGTH];
        System.arraycopy(NtlmChallenge.SIGNATURE, 0, message, 0, 8);
        putInt(message, 8, 1);
        int flags = NtlmFlags.CLIENT_DEFAULT | (credentials.isAnonymous() ? NtlmFlags.ANONYMOUS : 0);
        putInt(message, 12, flags);
        putInt(message, 20, NEGOTIATE_LENGTH); // DomainNameFields: empty, offset at the payload
        putInt(message, 28, NEGOTIATE_LENGTH); // WorkstationFields: empty
        System.arraycopy(VERSION, 0, message, 32, 8);
        negotiateMessage = message;
        return message.clone();
    }

    /** AUTHENTICATE_MESSAGE (2.2.1.3) for the server's CHALLENGE_MESSAGE, with a MIC when the server allows. */
    public byte[] authenticate(byte[] challengeMessage) {
        return authenticate(NtlmChallenge.decode(challengeMessage), true);
    }

    /**
     * Builds the AUTHENTICATE_MESSAGE.
     *
     * @param withMicField false only to reproduce the MIC-less example of MS-NLMP 4.2.4.3
     */
    public byte[] authenticate(NtlmChallenge challenge, boolean withMicField) {
        if (negotiateMessage == null) {
            negotiate();
        }
        // Keep what we asked for where the server agreed; REQUEST_TARGET and UNICODE stay ours.
        int flags = (NtlmFlags.CLIENT_DEFAULT & (challenge.flags() | NtlmFlags.REQUEST_TARGET | NtlmFlags.UNICODE))
                | (challenge.flags() & NtlmFlags.TARGET_INFO);
        negotiatedFlags = flags;
        if (credentials.isAnonymous()) {
            return anonymousAuthenticate(challenge, flags | NtlmFlags.ANONYMOUS, withMicField);
        }
        long serverTime = challenge.targetInfo().timestamp();
        boolean mic = withMicField && serverTime >= 0;
        long time = serverTime >= 0 ? serverTime : entropy.fileTimeNow();
        byte[] clientChallenge = entropy.clientChallenge();

        AvPairs info = challenge.targetInfo();
        if (mic) {
            info = info.with(AvPairs.MSV_AV_FLAGS, new byte[] {AvPairs.FLAG_MIC_PRESENT, 0, 0, 0});
        }
        byte[] responseKey = NtlmCrypto.ntowfV2(credentials.password(), credentials.user(), credentials.domain());
        byte[] temp = temp(time, clientChallenge, info.encode());
        byte[] ntProofStr = NtlmCrypto.hmacMd5(responseKey, challenge.serverChallenge(), temp);
        byte[] ntResponse = concat(ntProofStr, temp);
        byte[] lmResponse = serverTime >= 0 ? new byte[24]
                : concat(NtlmCrypto.hmacMd5(responseKey, challenge.serverChallenge(), clientChallenge), clientChallenge);
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKey, ntProofStr);
        byte[] encryptedKey;
        if ((flags & NtlmFlags.KEY_EXCH) != 0) {
            exportedSessionKey = entropy.randomSessionKey();
            encryptedKey = NtlmCrypto.rc4(sessionBaseKey, exportedSessionKey);
        } else {
            exportedSessionKey = sessionBaseKey;
            encryptedKey = new byte[0];
        }
        byte[] message = encodeAuthenticate(flags, lmResponse, ntResponse, encryptedKey, withMicField);
        if (mic) {
            byte[] micValue = NtlmCrypto.hmacMd5(exportedSessionKey, negotiateMessage, challenge.raw(), message);
            System.arraycopy(micValue, 0, message, MIC_OFFSET, 16);
        }
        Arrays.fill(responseKey, (byte) 0);
        return message;
    }

    private byte[] anonymousAuthenticate(NtlmChallenge challenge, int flags, boolean withMicField) {
        exportedSessionKey = null;
        return encodeAuthenticate(flags & ~NtlmFlags.KEY_EXCH, new byte[1], new byte[0], new byte[0], withMicField);
    }

    /** temp (3.3.2): RespType 1, HiRespType 1, Z(6), Time, ClientChallenge, Z(4), AV pairs, Z(4). */
    static byte[] temp(long fileTime, byte[] clientChallenge, byte[] avPairs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(1);
        out.writeBytes(new byte[6]);
        for (int i = 0; i < 8; i++) {
            out.write((int) (fileTime >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(clientChallenge);
        out.writeBytes(new byte[4]);
        out.writeBytes(avPairs);
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    private byte[] encodeAuthenticate(int flags, byte[] lm, byte[] nt, byte[] encryptedKey, boolean withMicField) {
        byte[] domain = credentials.domain().getBytes(StandardCharsets.UTF_16LE);
        byte[] user = credentials.user().getBytes(StandardCharsets.UTF_16LE);
        byte[] host = workstation.getBytes(StandardCharsets.UTF_16LE);
        int headerLength = withMicField ? MIC_OFFSET + 16 : MIC_OFFSET;
        byte[] message = new byte[headerLength + domain.length + user.length + host.length + lm.length + nt.length
                + encryptedKey.length];
        System.arraycopy(NtlmChallenge.SIGNATURE, 0, message, 0, 8);
        putInt(message, 8, 3);
        int at = headerLength;
        at = putField(message, 28, domain, at);
        at = putField(message, 36, user, at);
        at = putField(message, 44, host, at);
        at = putField(message, 12, lm, at);
        at = putField(message, 20, nt, at);
        putField(message, 52, encryptedKey, at);
        putInt(message, 60, flags);
        System.arraycopy(VERSION, 0, message, 64, 8);
        return message;
    }

    private static int putField(byte[] message, int fieldAt, byte[] value, int payloadAt) {
        message[fieldAt] = (byte) value.length;
        message[fieldAt + 1] = (byte) (value.length >>> 8);
        message[fieldAt + 2] = (byte) value.length;
        message[fieldAt + 3] = (byte) (value.length >>> 8);
        putInt(message, fieldAt + 4, payloadAt);
        System.arraycopy(value, 0, message, payloadAt, value.length);
        return payloadAt + value.length;
    }

    static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The SMB session key; null for an anonymous session or before {@link #authenticate}. */
    public byte[] exportedSessionKey() {
        return exportedSessionKey == null ? null : exportedSessionKey.clone();
    }

    /** NegotiateFlags of the AUTHENTICATE_MESSAGE. */
    public int negotiatedFlags() {
        return negotiatedFlags;
    }

    /** Signature of SPNEGO's mechListMIC with the client-to-server keys (MS-SPNG 3.3.5.1). */
    public NtlmSignature clientSignature() {
        return new NtlmSignature(exportedSessionKey, true, (negotiatedFlags & NtlmFlags.KEY_EXCH) != 0);
    }

    /** Signature check of the server's mechListMIC with the server-to-client keys. */
    public NtlmSignature serverSignature() {
        return new NtlmSignature(exportedSessionKey, false, (negotiatedFlags & NtlmFlags.KEY_EXCH) != 0);
    }
}

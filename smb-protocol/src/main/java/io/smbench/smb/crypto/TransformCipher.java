package io.smbench.smb.crypto;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.CCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Encrypts and decrypts SMB2 messages in an SMB2 TRANSFORM_HEADER (MS-SMB2 2.2.41, 3.1.4.3).
 *
 * <p>Layout: ProtocolId 0xFD 'S' 'M' 'B' (4), Signature (16, the AEAD tag), Nonce (16),
 * OriginalMessageSize (4), Reserved (2), Flags/EncryptionAlgorithm (2, 0x0001 = encrypted),
 * SessionId (8). The AAD is bytes 20 to 51 (Nonce to SessionId). GCM comes from the JDK; CCM,
 * which the JDK lacks, from Bouncy Castle.
 *
 * <p>Nonces for sending are a per-instance random prefix and a counter, so no two messages sent
 * with one key share a nonce (3.1.4.3 "MUST be unique").
 */
public final class TransformCipher {
    public static final int HEADER_LENGTH = 52;
    public static final int PROTOCOL_ID = 0x424D53FD;
    private static final int SIGNATURE_OFFSET = 4;
    private static final int NONCE_OFFSET = 20;
    private static final int SIZE_OFFSET = 36;
    private static final int FLAGS_OFFSET = 42;
    private static final int SESSION_ID_OFFSET = 44;
    private static final int AAD_LENGTH = 32;
    private static final int TAG_LENGTH = 16;

    /** Which CCM implementation to use; GCM always comes from the JDK, which measured fastest. */
    public enum Provider { JDK, BOUNCY_CASTLE }

    private final CipherSuite suite;
    private final byte[] encryptionKey;
    private final byte[] decryptionKey;
    private final Cipher gcm;
    private final CCMModeCipher ccm;
    private final JdkAesCcm jdkCcmSeal;
    private final JdkAesCcm jdkCcmOpen;
    private final byte[] noncePrefix = new byte[4];
    private long nonceCounter;

    /**
     * @param encryptionKey key for messages this side sends
     * @param decryptionKey key for messages this side receives
     */
    public TransformCipher(CipherSuite suite, byte[] encryptionKey, byte[] decryptionKey) {
        this(suite, encryptionKey, decryptionKey, Provider.JDK);
    }

    public TransformCipher(CipherSuite suite, byte[] encryptionKey, byte[] decryptionKey, Provider provider) {
        this.suite = suite;
        this.encryptionKey = encryptionKey.clone();
        this.decryptionKey = decryptionKey.clone();
        new SecureRandom().nextBytes(noncePrefix);
        try {
            this.gcm = suite.isGcm() ? Cipher.getInstance("AES/GCM/NoPadding") : null;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES-GCM is not available", e);
        }
        boolean jdkCcm = !suite.isGcm() && provider == Provider.JDK;
        this.ccm = suite.isGcm() || jdkCcm ? null : CCMBlockCipher.newInstance(AESEngine.newInstance());
        this.jdkCcmSeal = jdkCcm ? new JdkAesCcm(encryptionKey) : null;
        this.jdkCcmOpen = jdkCcm ? new JdkAesCcm(decryptionKey) : null;
    }

    public CipherSuite suite() {
        return suite;
    }

    /** Encrypts {@code plaintext} (whole, possibly compounded, message) with a fresh nonce. */
    public ByteBuf encrypt(ByteBufAllocator allocator, ByteBuf plaintext, long sessionId) {
        byte[] nonce = new byte[16];
        long counter = ++nonceCounter;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (counter >>> (8 * i));
        }
        System.arraycopy(noncePrefix, 0, nonce, 8, suite.nonceLength() - 8);
        return encrypt(allocator, plaintext, sessionId, nonce);
    }

    /** Encrypts with a given 16-byte Nonce field; only its first 11 (CCM) or 12 (GCM) bytes are used. */
    public ByteBuf encrypt(ByteBufAllocator allocator, ByteBuf plaintext, long sessionId, byte[] nonceField) {
        int length = plaintext.readableBytes();
        ByteBuf out = allocator.buffer(HEADER_LENGTH + length);
        out.writeIntLE(PROTOCOL_ID);
        out.writeZero(16);
        out.writeBytes(nonceField, 0, 16);
        out.writeIntLE(length);
        out.writeShortLE(0);
        out.writeShortLE(1);
        out.writeLongLE(sessionId);
        byte[] aad = new byte[AAD_LENGTH];
        out.getBytes(NONCE_OFFSET, aad);
        byte[] clear = new byte[length];
        plaintext.getBytes(plaintext.readerIndex(), clear);
        byte[] sealed = seal(Arrays.copyOf(nonceField, suite.nonceLength()), aad, clear);
        out.setBytes(SIGNATURE_OFFSET, sealed, length, TAG_LENGTH);
        out.writeBytes(sealed, 0, length);
        return out;
    }

    /**
     * Decrypts a transformed message and returns the plaintext.
     *
     * @throws SmbCryptoException when the header is inconsistent or the tag does not verify
     */
    public ByteBuf decrypt(ByteBufAllocator allocator, ByteBuf transformed) {
        int start = transformed.readerIndex();
        int total = transformed.readableBytes();
        if (total < HEADER_LENGTH) {
            throw new SmbCryptoException("transform header truncated: " + total + " of " + HEADER_LENGTH + " bytes");
        }
        if (transformed.getIntLE(start) != PROTOCOL_ID) {
            throw new SmbCryptoException("not a transform header (ProtocolId at byte 0)");
        }
        long size = transformed.getUnsignedIntLE(start + SIZE_OFFSET);
        if (size != total - HEADER_LENGTH) {
            throw new SmbCryptoException("OriginalMessageSize=" + size + " at byte 36 but " + (total - HEADER_LENGTH)
                    + " bytes of ciphertext follow the transform header");
        }
        int flags = transformed.getUnsignedShortLE(start + FLAGS_OFFSET);
        if (flags != 1) {
            throw new SmbCryptoException("Flags/EncryptionAlgorithm=0x" + Integer.toHexString(flags)
                    + " at byte 42, expected 0x0001 (encrypted)");
        }
        byte[] nonce = new byte[suite.nonceLength()];
        transformed.getBytes(start + NONCE_OFFSET, nonce);
        byte[] aad = new byte[AAD_LENGTH];
        transformed.getBytes(start + NONCE_OFFSET, aad);
        byte[] sealed = new byte[(int) size + TAG_LENGTH];
        transformed.getBytes(start + HEADER_LENGTH, sealed, 0, (int) size);
        transformed.getBytes(start + SIGNATURE_OFFSET, sealed, (int) size, TAG_LENGTH);
        byte[] clear = open(nonce, aad, sealed);
        return allocator.buffer(clear.length).writeBytes(clear);
    }

    /** SessionId of a transformed message (the session whose keys decrypt it). */
    public static long sessionIdOf(ByteBuf transformed) {
        return transformed.getLongLE(transformed.readerIndex() + SESSION_ID_OFFSET);
    }

    private byte[] seal(byte[] nonce, byte[] aad, byte[] clear) {
        try {
            if (gcm != null) {
                gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, nonce));
                gcm.updateAAD(aad);
                return gcm.doFinal(clear);
            }
            if (jdkCcmSeal != null) {
                return jdkCcmSeal.seal(nonce, aad, clear);
            }
            ccm.init(true, new AEADParameters(new KeyParameter(encryptionKey), 128, nonce, aad));
            byte[] out = new byte[ccm.getOutputSize(clear.length)];
            int n = ccm.processBytes(clear, 0, clear.length, out, 0);
            ccm.doFinal(out, n);
            return out;
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new SmbCryptoException(suite.displayName() + " encryption failed", e);
        }
    }

    private byte[] open(byte[] nonce, byte[] aad, byte[] sealed) {
        try {
            if (gcm != null) {
                gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(decryptionKey, "AES"), new GCMParameterSpec(128, nonce));
                gcm.updateAAD(aad);
                return gcm.doFinal(sealed);
            }
            if (jdkCcmOpen != null) {
                return jdkCcmOpen.open(nonce, aad, sealed);
            }
            ccm.init(false, new AEADParameters(new KeyParameter(decryptionKey), 128, nonce, aad));
            byte[] out = new byte[ccm.getOutputSize(sealed.length)];
            int n = ccm.processBytes(sealed, 0, sealed.length, out, 0);
            ccm.doFinal(out, n);
            return out;
        } catch (AEADBadTagException | InvalidCipherTextException e) {
            throw new SmbCryptoException(suite.displayName() + ": the message's tag (Signature field) does not verify");
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(suite.displayName() + " decryption failed", e);
        }
    }
}

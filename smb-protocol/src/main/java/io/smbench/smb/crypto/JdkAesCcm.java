package io.smbench.smb.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CCM (NIST SP 800-38C, RFC 3610) as SMB uses it (MS-SMB2 3.1.4.3: 11-byte nonce, so a 4-byte
 * length field; 16-byte tag; the 32-byte AAD), built from the JDK's AES/CBC for the CBC-MAC and
 * AES/CTR for the keystream. Both run on AES-NI in HotSpot, which the JMH comparison in
 * docs/performance.md shows to be much faster than Bouncy Castle's CCM.
 *
 * <p>Not thread-safe: one instance per key and thread.
 */
final class JdkAesCcm {
    private static final int BLOCK = 16;
    private static final int NONCE = 11;
    private static final int TAG = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private final SecretKeySpec key;
    private final Cipher cbc;
    private final Cipher ctr;
    private final Cipher ecb;
    private byte[] macInput = new byte[0];

    JdkAesCcm(byte[] keyBytes) {
        try {
            key = new SecretKeySpec(keyBytes, "AES");
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES is not available", e);
        }
    }

    /** Ciphertext followed by the 16-byte tag. */
    byte[] seal(byte[] nonce, byte[] aad, byte[] plaintext) {
        try {
            byte[] out = new byte[plaintext.length + TAG];
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock(nonce, 1)));
            ctr.doFinal(plaintext, 0, plaintext.length, out, 0);
            byte[] tag = cbcMac(nonce, aad, plaintext, 0, plaintext.length);
            byte[] s0 = ecb.doFinal(counterBlock(nonce, 0));
            for (int i = 0; i < TAG; i++) {
                out[plaintext.length + i] = (byte) (tag[i] ^ s0[i]);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES-CCM encryption failed", e);
        }
    }

    /**
     * The plaintext of {@code sealed} (ciphertext then tag).
     *
     * @throws SmbCryptoException when the tag does not verify
     */
    byte[] open(byte[] nonce, byte[] aad, byte[] sealed) {
        int length = sealed.length - TAG;
        if (length < 0) {
            throw new SmbCryptoException("AES-CCM input shorter than its tag");
        }
        try {
            byte[] plaintext = new byte[length];
            ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counterBlock(nonce, 1)));
            ctr.doFinal(sealed, 0, length, plaintext, 0);
            byte[] tag = cbcMac(nonce, aad, plaintext, 0, length);
            byte[] s0 = ecb.doFinal(counterBlock(nonce, 0));
            byte[] expected = new byte[TAG];
            for (int i = 0; i < TAG; i++) {
                expected[i] = (byte) (tag[i] ^ s0[i]);
            }
            byte[] received = java.util.Arrays.copyOfRange(sealed, length, sealed.length);
            if (!MessageDigest.isEqual(expected, received)) {
                throw new SmbCryptoException("AES-CCM: the message's tag (Signature field) does not verify");
            }
            return plaintext;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES-CCM decryption failed", e);
        }
    }

    /** Ctr_i: flags (q - 1 = 3), the nonce, and i in 4 big-endian bytes (SP 800-38C A.3). */
    private static byte[] counterBlock(byte[] nonce, int counter) {
        byte[] block = new byte[BLOCK];
        block[0] = 3;
        System.arraycopy(nonce, 0, block, 1, NONCE);
        block[12] = (byte) (counter >>> 24);
        block[13] = (byte) (counter >>> 16);
        block[14] = (byte) (counter >>> 8);
        block[15] = (byte) counter;
        return block;
    }

    /** CBC-MAC over B0, the encoded AAD and the plaintext, each padded to a block (SP 800-38C A.2). */
    private byte[] cbcMac(byte[] nonce, byte[] aad, byte[] plaintext, int offset, int length)
            throws GeneralSecurityException {
        int aadBlocks = (2 + aad.length + BLOCK - 1) / BLOCK;
        int textBlocks = (length + BLOCK - 1) / BLOCK;
        int total = (1 + aadBlocks + textBlocks) * BLOCK;
        if (macInput.length < total) {
            macInput = new byte[total];
        } else {
            java.util.Arrays.fill(macInput, 0, total, (byte) 0);
        }
        // B0 flags: Adata (0x40), (t - 2) / 2 = 7 in bits 3-5, q - 1 = 3.
        macInput[0] = 0x7B;
        System.arraycopy(nonce, 0, macInput, 1, NONCE);
        macInput[12] = (byte) (length >>> 24);
        macInput[13] = (byte) (length >>> 16);
        macInput[14] = (byte) (length >>> 8);
        macInput[15] = (byte) length;
        macInput[16] = (byte) (aad.length >>> 8);
        macInput[17] = (byte) aad.length;
        System.arraycopy(aad, 0, macInput, 18, aad.length);
        System.arraycopy(plaintext, offset, macInput, (1 + aadBlocks) * BLOCK, length);
        cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
        byte[] chained = cbc.doFinal(macInput, 0, total);
        return java.util.Arrays.copyOfRange(chained, total - BLOCK, total);
    }
}

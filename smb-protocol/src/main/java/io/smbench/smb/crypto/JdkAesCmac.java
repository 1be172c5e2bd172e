package io.smbench.smb.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC (RFC 4493) built on the JDK's AES/CBC, which HotSpot runs with AES-NI: JMH measured it
 * well ahead of Bouncy Castle's table-driven CMac (docs/performance.md). CMAC is CBC-MAC with the
 * last block XORed with subkey K1 (complete block) or K2 (padded block).
 *
 * <p>Not thread-safe: one instance per key and thread.
 */
final class JdkAesCmac {
    private static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private final SecretKeySpec key;
    private final Cipher cbc;
    private final byte[] k1;
    private final byte[] k2;
    private byte[] scratch = new byte[0];

    JdkAesCmac(byte[] keyBytes) {
        try {
            key = new SecretKeySpec(keyBytes, "AES");
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            byte[] l = ecb.doFinal(new byte[BLOCK]);
            k1 = doubled(l);
            k2 = doubled(k1);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES is not available", e);
        }
    }

    /** Multiplication by x in GF(2^128) (RFC 4493 2.3). */
    private static byte[] doubled(byte[] in) {
        byte[] out = new byte[BLOCK];
        int carry = 0;
        for (int i = BLOCK - 1; i >= 0; i--) {
            int b = in[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if ((in[0] & 0x80) != 0) {
            out[BLOCK - 1] ^= (byte) 0x87;
        }
        return out;
    }

    /** The 16-byte CMAC of {@code data[offset, offset+length)}. */
    byte[] mac(byte[] data, int offset, int length) {
        int blocks = Math.max(1, (length + BLOCK - 1) / BLOCK);
        int padded = blocks * BLOCK;
        if (scratch.length < padded) {
            scratch = new byte[padded];
        }
        System.arraycopy(data, offset, scratch, 0, length);
        int last = (blocks - 1) * BLOCK;
        boolean complete = length > 0 && length % BLOCK == 0;
        if (!complete) {
            scratch[length] = (byte) 0x80;
            for (int i = length + 1; i < padded; i++) {
                scratch[i] = 0;
            }
        }
        byte[] subkey = complete ? k1 : k2;
        for (int i = 0; i < BLOCK; i++) {
            scratch[last + i] ^= subkey[i];
        }
        try {
            cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
            byte[] out = cbc.doFinal(scratch, 0, padded);
            byte[] tag = new byte[BLOCK];
            System.arraycopy(out, padded - BLOCK, tag, 0, BLOCK);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException("AES-CBC failed", e);
        }
    }
}

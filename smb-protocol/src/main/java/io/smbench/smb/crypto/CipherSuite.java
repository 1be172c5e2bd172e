package io.smbench.smb.crypto;

import java.util.Locale;

/**
 * The SMB 3.x ciphers (MS-SMB2 2.2.3.1.2 Ciphers field) with their key and nonce sizes
 * (3.1.4.3: CCM uses an 11-byte nonce, GCM a 12-byte one; the tag is 16 bytes).
 */
public enum CipherSuite {
    AES_128_CCM(0x0001, "AES-128-CCM", 128, 11),
    AES_128_GCM(0x0002, "AES-128-GCM", 128, 12),
    AES_256_CCM(0x0003, "AES-256-CCM", 256, 11),
    AES_256_GCM(0x0004, "AES-256-GCM", 256, 12);

    private final int id;
    private final String displayName;
    private final int keyBits;
    private final int nonceLength;

    CipherSuite(int id, String displayName, int keyBits, int nonceLength) {
        this.id = id;
        this.displayName = displayName;
        this.keyBits = keyBits;
        this.nonceLength = nonceLength;
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public int keyBits() {
        return keyBits;
    }

    public int nonceLength() {
        return nonceLength;
    }

    public boolean isGcm() {
        return nonceLength == 12;
    }

    /** The cipher with this id, or null. */
    public static CipherSuite ofId(int id) {
        for (CipherSuite suite : values()) {
            if (suite.id == id) {
                return suite;
            }
        }
        return null;
    }

    /** Parses "AES-128-GCM", "aes128gcm" or "AES_128_GCM". */
    public static CipherSuite parse(String text) {
        String key = text.replaceAll("[-_ ]", "").toUpperCase(Locale.ROOT);
        for (CipherSuite suite : values()) {
            if (suite.displayName.replace("-", "").equals(key)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown cipher '" + text + "'; expected one of AES-128-CCM, AES-128-GCM, "
                + "AES-256-CCM, AES-256-GCM");
    }
}

package io.smbench.smb.crypto;

import java.util.Locale;

/**
 * The signing algorithms of MS-SMB2 2.2.3.1.7 (SigningAlgorithms field), with the signer each uses.
 */
public enum SigningAlgorithm {
    HMAC_SHA256(0x0000, "HMAC-SHA256"),
    AES_CMAC(0x0001, "AES-CMAC"),
    AES_GMAC(0x0002, "AES-GMAC");

    private final int id;
    private final String displayName;

    SigningAlgorithm(int id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public int id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** A signer with {@code key}. */
    public MessageSigner newSigner(byte[] key) {
        return switch (this) {
            case HMAC_SHA256 -> new HmacSha256Signer(key);
            case AES_CMAC -> new AesCmacSigner(key);
            case AES_GMAC -> new AesGmacSigner(key);
        };
    }

    /** The algorithm with this id, or null. */
    public static SigningAlgorithm ofId(int id) {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.id == id) {
                return algorithm;
            }
        }
        return null;
    }

    /** Parses "AES-GMAC", "aes-cmac", "hmac-sha256". */
    public static SigningAlgorithm parse(String text) {
        String key = text.replaceAll("[-_ ]", "").toUpperCase(Locale.ROOT);
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.displayName.replace("-", "").equals(key)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown signing algorithm '" + text
                + "'; expected one of HMAC-SHA256, AES-CMAC, AES-GMAC");
    }
}

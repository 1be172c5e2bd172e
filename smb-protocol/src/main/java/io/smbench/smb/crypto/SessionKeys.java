package io.smbench.smb.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The keys of one SMB session (MS-SMB2 3.2.5.3.1, 3.1.4.2): SigningKey, EncryptionKey
 * (client to server), DecryptionKey (server to client) and ApplicationKey.
 *
 * <p>Dialects 2.0.2 and 2.1 sign with the session key itself and have no other keys. 3.0 and 3.0.2
 * use fixed labels and contexts; 3.1.1 uses the session's preauth integrity hash as context.
 * AES-256 ciphers derive 256-bit cipher keys from the full session key.
 */
public final class SessionKeys {
    private final byte[] signingKey;
    private final byte[] encryptionKey;
    private final byte[] decryptionKey;
    private final byte[] applicationKey;

    private SessionKeys(byte[] signingKey, byte[] encryptionKey, byte[] decryptionKey, byte[] applicationKey) {
        this.signingKey = signingKey;
        this.encryptionKey = encryptionKey;
        this.decryptionKey = decryptionKey;
        this.applicationKey = applicationKey;
    }

    /**
     * Derives the keys for {@code dialect}.
     *
     * @param dialect 0x0202, 0x0210, 0x0300, 0x0302 or 0x0311
     * @param sessionKey the GSS session key (NTLM ExportedSessionKey)
     * @param preauthHash Session.PreauthIntegrityHashValue for 3.1.1, otherwise ignored
     * @param cipherKeyBits 128, or 256 for AES-256-CCM/GCM
     */
    public static SessionKeys derive(int dialect, byte[] sessionKey, byte[] preauthHash, int cipherKeyBits) {
        Objects.requireNonNull(sessionKey, "sessionKey");
        // Session.SessionKey is the first 16 bytes of the GSS key, zero-padded (3.2.5.3.1).
        byte[] key16 = Arrays.copyOf(sessionKey, 16);
        switch (dialect) {
            case 0x0202, 0x0210 -> {
                return new SessionKeys(key16, null, null, null);
            }
            case 0x0300, 0x0302 -> {
                byte[] ccm = label("SMB2AESCCM");
                return new SessionKeys(
                        Sp800108Kdf.derive(key16, label("SMB2AESCMAC"), label("SmbSign"), 128),
                        Sp800108Kdf.derive(key16, ccm, label("ServerIn "), 128),
                        Sp800108Kdf.derive(key16, ccm, label("ServerOut"), 128),
                        Sp800108Kdf.derive(key16, label("SMB2APP"), label("SmbRpc"), 128));
            }
            case 0x0311 -> {
                Objects.requireNonNull(preauthHash, "3.1.1 keys need the preauth integrity hash");
                byte[] cipherKi = cipherKeyBits == 256 ? sessionKey : key16;
                return new SessionKeys(
                        Sp800108Kdf.derive(key16, label("SMBSigningKey"), preauthHash, 128),
                        Sp800108Kdf.derive(cipherKi, label("SMBC2SCipherKey"), preauthHash, cipherKeyBits),
                        Sp800108Kdf.derive(cipherKi, label("SMBS2CCipherKey"), preauthHash, cipherKeyBits),
                        Sp800108Kdf.derive(key16, label("SMBAppKey"), preauthHash, 128));
            }
            default -> throw new IllegalArgumentException(String.format("no key derivation for dialect 0x%04X", dialect));
        }
    }

    /** A label or context string with its NUL terminator, as MS-SMB2 3.1.4.2 writes them. */
    static byte[] label(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(ascii, ascii.length + 1);
    }

    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** Client-to-server cipher key; null before 3.0. */
    public byte[] encryptionKey() {
        return encryptionKey == null ? null : encryptionKey.clone();
    }

    /** Server-to-client cipher key; null before 3.0. */
    public byte[] decryptionKey() {
        return decryptionKey == null ? null : decryptionKey.clone();
    }

    public byte[] applicationKey() {
        return applicationKey == null ? null : applicationKey.clone();
    }

    @Override
    public String toString() {
        return "SessionKeys[hidden]";
    }
}

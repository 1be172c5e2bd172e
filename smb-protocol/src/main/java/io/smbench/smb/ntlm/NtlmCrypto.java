package io.smbench.smb.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The NTLMv2 computations of MS-NLMP 3.3.2 and the key derivations of 3.4.5. MD4 and RC4 come
 * from Bouncy Castle: the JDK no longer offers MD4, and RC4 only under a legacy name.
 */
public final class NtlmCrypto {
    private static final byte[] CLIENT_SIGN_MAGIC = magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGN_MAGIC = magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEAL_MAGIC = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEAL_MAGIC = magic("session key to server-to-client sealing key magic constant");

    private NtlmCrypto() {}

    /** NT hash: MD4(UNICODE(Passwd)) (3.3.1). */
    public static byte[] ntHash(char[] password) {
        byte[] unicode = new String(password).getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(unicode, 0, unicode.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        java.util.Arrays.fill(unicode, (byte) 0);
        return out;
    }

    /** NTOWFv2 = HMAC_MD5(MD4(UNICODE(Passwd)), UNICODE(Uppercase(User) ‖ UserDom)) (3.3.2). */
    public static byte[] ntowfV2(char[] password, String user, String domain) {
        return hmacMd5(ntHash(password), (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }

    public static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 is not available", e);
        }
    }

    /** RC4(key, data) with a fresh key schedule. */
    public static byte[] rc4(byte[] key, byte[] data) {
        RC4Engine rc4 = new RC4Engine();
        rc4.init(true, new KeyParameter(key));
        byte[] out = new byte[data.length];
        rc4.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /** SIGNKEY for the client-to-server or server-to-client direction (3.4.5.2). */
    public static byte[] signKey(byte[] exportedSessionKey, boolean clientToServer) {
        return md5(exportedSessionKey, clientToServer ? CLIENT_SIGN_MAGIC : SERVER_SIGN_MAGIC);
    }

    /** SEALKEY with 128-bit keys and extended session security (3.4.5.3). */
    public static byte[] sealKey(byte[] exportedSessionKey, boolean clientToServer) {
        return md5(exportedSessionKey, clientToServer ? CLIENT_SEAL_MAGIC : SERVER_SEAL_MAGIC);
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    private static byte[] magic(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(ascii, ascii.length + 1);
    }
}

package io.smbench.engine.compile;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.PreauthIntegrityHash;
import io.smbench.smb.crypto.SessionKeys;
import io.smbench.smb.crypto.TransformCipher;
import java.util.HashMap;
import java.util.Map;

/**
 * Decrypts one connection's SMB3 transform messages (MS-SMB2 2.2.41) with session keys from the
 * user. It follows the connection as the client did: the dialect and cipher from NEGOTIATE, and for
 * 3.1.1 the preauth integrity hash over NEGOTIATE and each session's SESSION_SETUP exchange
 * (3.2.5.3.1), so that it can derive each session's cipher keys (3.1.4.2) from its session key.
 */
final class SessionDecryptor {
    private final SessionKeyTable keys;
    private int dialect;
    private CipherSuite cipher;
    private PreauthIntegrityHash connectionHash = new PreauthIntegrityHash();
    private final Map<Long, PreauthIntegrityHash> sessionHashes = new HashMap<>();
    private final Map<Long, TransformCipher[]> ciphers = new HashMap<>();
    private byte[] pendingSessionSetupRequest;

    SessionDecryptor(SessionKeyTable keys) {
        this.keys = keys;
    }

    /** Follows a cleartext message (either direction) through NEGOTIATE and SESSION_SETUP. */
    void observe(byte[] message, boolean fromClient) {
        if (keys.isEmpty() || message.length < 64 || (message[0] & 0xFF) != 0xFE) {
            return;
        }
        int command = Le.u16(message, 12);
        int status = (int) Le.u32(message, 8);
        long sessionId = Le.u64(message, 40);
        if (command == 0x0000) {
            if (fromClient) {
                connectionHash = new PreauthIntegrityHash();
                connectionHash.update(message);
            } else {
                dialect = Le.u16(message, 64 + 4);
                cipher = dialect >= 0x0300 ? CipherSuite.AES_128_CCM : null;
                if (dialect == 0x0311) {
                    connectionHash.update(message);
                    cipher = negotiatedCipher(message);
                }
            }
        } else if (command == 0x0001) {
            if (fromClient) {
                pendingSessionSetupRequest = message;
                PreauthIntegrityHash hash = sessionHashes.get(sessionId);
                if (sessionId == 0 || hash == null) {
                    hash = connectionHash.fork();
                }
                hash.update(message);
                sessionHashes.put(sessionId, hash);
            } else {
                PreauthIntegrityHash hash = sessionHashes.remove(0L);
                if (hash == null) {
                    hash = sessionHashes.get(sessionId);
                }
                if (hash == null) {
                    return;
                }
                if (status == 0) {
                    derive(sessionId, hash);
                } else {
                    hash.update(message);
                    sessionHashes.put(sessionId, hash);
                }
            }
        }
    }

    private static CipherSuite negotiatedCipher(byte[] response) {
        int count = Le.u16(response, 64 + 6);
        long offset = Le.u32(response, 64 + 60);
        for (int i = 0; i < count && offset + 8 <= response.length; i++) {
            offset = (offset + 7) & ~7L;
            int type = Le.u16(response, (int) offset);
            int length = Le.u16(response, (int) offset + 2);
            if (type == 0x0002 && length >= 4) {
                return CipherSuite.ofId(Le.u16(response, (int) offset + 8 + 2));
            }
            offset += 8 + length;
        }
        return null;
    }

    private void derive(long sessionId, PreauthIntegrityHash hash) {
        byte[] sessionKey = keys.key(sessionId);
        if (sessionKey == null || cipher == null) {
            return;
        }
        SessionKeys derived = SessionKeys.derive(dialect, sessionKey, dialect == 0x0311 ? hash.value() : null,
                cipher.keyBits());
        // Messages from the client were sealed with its EncryptionKey, those from the server with
        // the client's DecryptionKey (the server's EncryptionKey).
        ciphers.put(sessionId, new TransformCipher[] {
            new TransformCipher(cipher, derived.encryptionKey(), derived.encryptionKey()),
            new TransformCipher(cipher, derived.decryptionKey(), derived.decryptionKey())});
    }

    /**
     * The plaintext of a transform message, or null when its session's keys are unknown or it does
     * not verify.
     */
    byte[] decrypt(byte[] transformed, boolean fromClient) {
        if (transformed.length < 52) {
            return null;
        }
        long sessionId = Le.u64(transformed, 44);
        TransformCipher[] pair = ciphers.get(sessionId);
        if (pair == null && cipher != null && keys.key(sessionId) != null && dialect != 0x0311) {
            derive(sessionId, null);
            pair = ciphers.get(sessionId);
        }
        if (pair == null) {
            return null;
        }
        try {
            ByteBuf plain = pair[fromClient ? 0 : 1].decrypt(ByteBufAllocator.DEFAULT, Unpooled.wrappedBuffer(transformed));
            try {
                byte[] bytes = new byte[plain.readableBytes()];
                plain.readBytes(bytes);
                return bytes;
            } finally {
                plain.release();
            }
        } catch (RuntimeException e) {
            return null;
        }
    }
}

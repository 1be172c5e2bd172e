package io.smbench.smb.client;

import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.PreauthIntegrityHash;
import io.smbench.smb.crypto.SigningAlgorithm;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Flags;
import io.smbench.smb.mssmb2.msg.NegotiateRequest;
import io.smbench.smb.mssmb2.msg.NegotiateResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends NEGOTIATE (MS-SMB2 3.2.4.2.2.2) and checks the response as 3.2.5.2 requires: the dialect
 * must be one the client offered, a 3.1.1 response must carry exactly one preauth context naming
 * SHA-512, its cipher and signing algorithm must be among those offered. Anything else fails the
 * connection with a message saying what the server did.
 */
public final class Negotiator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Negotiator() {}

    public static CompletableFuture<NegotiationResult> negotiate(SmbConnection connection, ClientConfig config,
            String serverName) {
        int securityMode = Smb2Flags.SIGNING_ENABLED | (config.requireSigning() ? Smb2Flags.SIGNING_REQUIRED : 0);
        int capabilities = config.dialects().stream().anyMatch(Dialect::isSmb3)
                ? Smb2Flags.CAP_DFS | Smb2Flags.CAP_LEASING | Smb2Flags.CAP_LARGE_MTU | Smb2Flags.CAP_MULTI_CHANNEL
                        | Smb2Flags.CAP_ENCRYPTION
                : Smb2Flags.CAP_DFS | (config.dialects().contains(Dialect.SMB_2_1)
                        ? Smb2Flags.CAP_LEASING | Smb2Flags.CAP_LARGE_MTU : 0);
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        NegotiateRequest request = new NegotiateRequest(config.dialects(), securityMode, capabilities,
                guidBytes(config.clientGuid()), config.ciphers().stream().map(CipherSuite::id).toList(),
                config.signingAlgorithms().stream().map(SigningAlgorithm::id).toList(), salt, serverName);
        PreauthIntegrityHash preauth = new PreauthIntegrityHash();
        OutgoingRequest outgoing = OutgoingRequest.of(Smb2Command.NEGOTIATE, 0, 0, 10, request, config.requestTimeout())
                .observedBy(preauth::update);
        return connection.send(outgoing).thenApply(response -> {
            try (response) {
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbNegotiationException("the server refused NEGOTIATE with "
                            + NtStatus.describe(response.status()) + " (offered dialects "
                            + config.dialects().stream().map(Dialect::version).toList() + ")");
                }
                NegotiateResponse decoded = NegotiateResponse.decode(response.message());
                Dialect dialect = Dialect.ofCode(decoded.dialectRevision());
                if (dialect == null || !config.dialects().contains(dialect)) {
                    throw new SmbNegotiationException(String.format("the server chose dialect 0x%04X, which the client "
                            + "did not offer (offered %s)", decoded.dialectRevision(),
                            config.dialects().stream().map(Dialect::version).toList()));
                }
                if (dialect == Dialect.SMB_3_1_1) {
                    preauth.update(response.message());
                    return result311(decoded, config, preauth, securityMode, capabilities);
                }
                CipherSuite cipher = dialect.isSmb3() && (decoded.capabilities() & Smb2Flags.CAP_ENCRYPTION) != 0
                        ? CipherSuite.AES_128_CCM : null;
                SigningAlgorithm signing = dialect.isSmb3() ? SigningAlgorithm.AES_CMAC : SigningAlgorithm.HMAC_SHA256;
                return result(decoded, dialect, cipher, signing, null, securityMode, capabilities);
            }
        });
    }

    private static NegotiationResult result311(NegotiateResponse decoded, ClientConfig config,
            PreauthIntegrityHash preauth, int securityMode, int capabilities) {
        if (decoded.contextCount(NegotiateRequest.CONTEXT_PREAUTH_INTEGRITY) != 1) {
            throw new SmbNegotiationException("3.1.1 NEGOTIATE response carries "
                    + decoded.contextCount(NegotiateRequest.CONTEXT_PREAUTH_INTEGRITY)
                    + " PREAUTH_INTEGRITY_CAPABILITIES contexts; MS-SMB2 3.2.5.2 requires exactly one");
        }
        ByteBuffer preauthData = le(decoded.context(NegotiateRequest.CONTEXT_PREAUTH_INTEGRITY));
        if (preauthData.remaining() < 6 || preauthData.getShort(0) != 1
                || preauthData.getShort(4) != PreauthIntegrityHash.SHA_512) {
            throw new SmbNegotiationException("3.1.1 NEGOTIATE response: the preauth context must select exactly "
                    + "one hash, SHA-512 (0x0001)");
        }
        CipherSuite cipher = null;
        byte[] encryption = decoded.context(NegotiateRequest.CONTEXT_ENCRYPTION);
        if (encryption != null) {
            ByteBuffer data = le(encryption);
            if (data.remaining() < 4 || data.getShort(0) != 1) {
                throw new SmbNegotiationException("3.1.1 NEGOTIATE response: the encryption context must name "
                        + "exactly one cipher");
            }
            int id = data.getShort(2) & 0xFFFF;
            if (id != 0) {
                cipher = CipherSuite.ofId(id);
                if (cipher == null || !config.ciphers().contains(cipher)) {
                    throw new SmbNegotiationException(String.format("the server chose cipher 0x%04X, which the client "
                            + "did not offer (offered %s)", id, config.ciphers()));
                }
            }
        }
        SigningAlgorithm signing = SigningAlgorithm.AES_CMAC;
        byte[] signingContext = decoded.context(NegotiateRequest.CONTEXT_SIGNING);
        if (signingContext != null) {
            ByteBuffer data = le(signingContext);
            if (data.remaining() < 4 || data.getShort(0) != 1) {
                throw new SmbNegotiationException("3.1.1 NEGOTIATE response: the signing context must name exactly "
                        + "one algorithm");
            }
            int id = data.getShort(2) & 0xFFFF;
            signing = SigningAlgorithm.ofId(id);
            if (signing == null || !config.signingAlgorithms().contains(signing)) {
                throw new SmbNegotiationException(String.format("the server chose signing algorithm 0x%04X, which the "
                        + "client did not offer (offered %s)", id, config.signingAlgorithms()));
            }
        }
        return result(decoded, Dialect.SMB_3_1_1, cipher, signing, preauth, securityMode, capabilities);
    }

    private static NegotiationResult result(NegotiateResponse decoded, Dialect dialect, CipherSuite cipher,
            SigningAlgorithm signing, PreauthIntegrityHash preauth, int securityMode, int capabilities) {
        return new NegotiationResult(dialect, decoded.securityMode(), decoded.serverGuid(), decoded.capabilities(),
                decoded.maxTransactSize(), decoded.maxReadSize(), decoded.maxWriteSize(), cipher, signing, preauth,
                decoded.securityBuffer(), securityMode, capabilities);
    }

    private static ByteBuffer le(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A GUID in its wire form (MS-DTYP 2.3.4.2). */
    static byte[] guidBytes(UUID uuid) {
        return Guids.toBytes(uuid);
    }

    /** Dialects as text, for messages. */
    static List<String> versions(List<Dialect> dialects) {
        return dialects.stream().map(Dialect::version).toList();
    }
}

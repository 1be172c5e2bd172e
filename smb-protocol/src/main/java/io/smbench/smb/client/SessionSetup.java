package io.smbench.smb.client;

import io.smbench.smb.crypto.MessageSigner;
import io.smbench.smb.crypto.PreauthIntegrityHash;
import io.smbench.smb.crypto.SessionKeys;
import io.smbench.smb.crypto.TransformCipher;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Flags;
import io.smbench.smb.mssmb2.msg.SessionSetupRequest;
import io.smbench.smb.mssmb2.msg.SessionSetupResponse;
import io.smbench.smb.ntlm.NtlmClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import io.smbench.smb.ntlm.NtlmEntropy;
import io.smbench.smb.ntlm.NtlmFlags;
import io.smbench.smb.spnego.NegTokenResp;
import io.smbench.smb.spnego.SpnegoTokens;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;

/**
 * The SESSION_SETUP exchange (MS-SMB2 3.2.4.2.3, 3.2.5.3): SPNEGO carrying NTLMv2 in two legs, the
 * 3.1.1 preauth hash over every request and every response but the last (3.2.5.3.1), key
 * derivation, and the check of the server's signature on the final response.
 */
public final class SessionSetup {
    private final SmbConnection connection;
    private final NegotiationResult negotiation;
    private final ClientConfig config;
    private final NtlmCredentials credentials;
    private final String serverName;
    private final NtlmClient ntlm;
    private final PreauthIntegrityHash hash;
    private final int securityMode;

    private SessionSetup(SmbConnection connection, NegotiationResult negotiation, ClientConfig config,
            NtlmCredentials credentials, String serverName) {
        this.connection = connection;
        this.negotiation = negotiation;
        this.config = config;
        this.credentials = credentials;
        this.serverName = serverName;
        this.ntlm = new NtlmClient(credentials, NtlmEntropy.secure(), "SMBENCH");
        this.hash = negotiation.preauthHash() == null ? null : negotiation.preauthHash().fork();
        this.securityMode = Smb2Flags.SIGNING_ENABLED | (config.requireSigning() ? Smb2Flags.SIGNING_REQUIRED : 0);
    }

    /** Authenticates and returns the session; failures name the status and the user (never the password). */
    public static CompletableFuture<SmbSession> authenticate(SmbConnection connection, NegotiationResult negotiation,
            ClientConfig config, NtlmCredentials credentials, String serverName) {
        return new SessionSetup(connection, negotiation, config, credentials, serverName).run();
    }

    private CompletableFuture<SmbSession> run() {
        byte[] first = SpnegoTokens.negTokenInit(ntlm.negotiate());
        return send(0, first).thenCompose(response -> {
            long sessionId;
            byte[] challenge;
            try (response) {
                if (response.status() != NtStatus.STATUS_MORE_PROCESSING_REQUIRED) {
                    throw failure(response.status());
                }
                sessionId = response.sessionId();
                if (hash != null) {
                    hash.update(response.message());
                }
                challenge = NegTokenResp.decode(SessionSetupResponse.decode(response.message()).securityBuffer())
                        .responseToken();
                if (challenge == null) {
                    throw new SmbAuthenticationException("SESSION_SETUP: the server's first answer carries no NTLM "
                            + "CHALLENGE", 0);
                }
            }
            byte[] authenticate = ntlm.authenticate(challenge);
            byte[] mechListMic = credentials.isAnonymous() ? null
                    : ntlm.clientSignature().sign(SpnegoTokens.MECH_TYPE_LIST);
            return send(sessionId, SpnegoTokens.negTokenResp(authenticate, mechListMic))
                    .thenApply(last -> complete(sessionId, last));
        });
    }

    private CompletableFuture<Smb2Response> send(long sessionId, byte[] token) {
        SessionSetupRequest body = new SessionSetupRequest(0, securityMode, Smb2Flags.CAP_DFS, 0, token);
        OutgoingRequest request = OutgoingRequest.of(Smb2Command.SESSION_SETUP, sessionId, 0, 10, body,
                config.requestTimeout());
        return connection.send(hash == null ? request : request.observedBy(hash::update));
    }

    private SmbSession complete(long sessionId, Smb2Response response) {
        try (response) {
            if (response.status() != NtStatus.STATUS_SUCCESS) {
                throw failure(response.status());
            }
            SessionSetupResponse decoded = SessionSetupResponse.decode(response.message());
            int flags = decoded.sessionFlags();
            boolean keyless = (flags & (Smb2Flags.SESSION_IS_GUEST | Smb2Flags.SESSION_IS_NULL)) != 0
                    || ntlm.exportedSessionKey() == null;
            checkServerMechListMic(decoded.securityBuffer(), keyless);
            if (keyless) {
                if (config.requireSigning() || config.requireEncryption()) {
                    throw new SmbAuthenticationException("the server logged " + who() + " on as "
                            + Smb2Flags.sessionFlags(flags) + ", a session without keys, but signing or encryption was "
                            + "required", 0);
                }
                SessionSecurity none = new SessionSecurity(sessionId, null, null, false, false);
                connection.registerSession(sessionId, none, false);
                return new SmbSession(connection, negotiation, config, sessionId, flags, none, serverName, null);
            }
            byte[] sessionKey = ntlm.exportedSessionKey();
            int cipherBits = negotiation.cipher() == null ? 128 : negotiation.cipher().keyBits();
            SessionKeys keys = SessionKeys.derive(negotiation.dialect().code(), sessionKey,
                    hash == null ? null : hash.value(), cipherBits);
            MessageSigner signer = negotiation.signingAlgorithm().newSigner(keys.signingKey());
            if (response.isSigned() && !signer.verify(response.message())) {
                throw new SmbSecurityException("the final SESSION_SETUP response's signature does not verify with the "
                        + "derived " + signer.algorithm() + " key: wrong key derivation or a tampered response");
            }
            TransformCipher cipher = negotiation.cipher() == null || keys.encryptionKey() == null ? null
                    : new TransformCipher(negotiation.cipher(), keys.encryptionKey(), keys.decryptionKey());
            boolean encryptAll = config.requireEncryption() || (flags & Smb2Flags.SESSION_ENCRYPT_DATA) != 0;
            if (encryptAll && cipher == null) {
                throw new SmbSecurityException("encryption is required but dialect " + negotiation.dialect().version()
                        + " negotiated no cipher");
            }
            boolean signAll = config.requireSigning() || negotiation.serverRequiresSigning();
            SessionSecurity security = new SessionSecurity(sessionId, signer, cipher, signAll, encryptAll);
            connection.registerSession(sessionId, security, signAll && !encryptAll);
            return new SmbSession(connection, negotiation, config, sessionId, flags, security, serverName, sessionKey);
        }
    }

    /** MS-SPNG 3.3.5.1: when the server sends a mechListMIC, it must be right. */
    private void checkServerMechListMic(byte[] securityBuffer, boolean keyless) {
        if (securityBuffer.length == 0) {
            return;
        }
        NegTokenResp token = NegTokenResp.decode(securityBuffer);
        if (token.negState() == NegTokenResp.REJECT) {
            throw new SmbAuthenticationException("the server's SPNEGO token rejects the authentication", 0);
        }
        if (token.mechListMic() != null && !keyless && (ntlm.negotiatedFlags() & NtlmFlags.SIGN) != 0) {
            byte[] expected = ntlm.serverSignature().sign(SpnegoTokens.MECH_TYPE_LIST);
            if (!MessageDigest.isEqual(expected, token.mechListMic())) {
                throw new SmbSecurityException("the server's SPNEGO mechListMIC does not verify");
            }
        }
    }

    private String who() {
        return credentials.isAnonymous() ? "the anonymous user"
                : "user '" + (credentials.domain().isEmpty() ? "" : credentials.domain() + "\\") + credentials.user() + "'";
    }

    private SmbAuthenticationException failure(int status) {
        String hint = switch (status) {
            case NtStatus.STATUS_LOGON_FAILURE -> ": the user name or password is wrong";
            case NtStatus.STATUS_ACCESS_DENIED -> ": the server refuses this user or this security setting";
            default -> "";
        };
        return new SmbAuthenticationException("SESSION_SETUP for " + who() + " failed with "
                + NtStatus.describe(status) + hint, status);
    }
}

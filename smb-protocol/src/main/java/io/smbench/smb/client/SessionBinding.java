package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.smbench.smb.crypto.MessageSigner;
import io.smbench.smb.crypto.PreauthIntegrityHash;
import io.smbench.smb.crypto.SessionKeys;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Flags;
import io.smbench.smb.mssmb2.msg.SessionSetupRequest;
import io.smbench.smb.mssmb2.msg.SessionSetupResponse;
import io.smbench.smb.ntlm.NtlmClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import io.smbench.smb.ntlm.NtlmEntropy;
import io.smbench.smb.spnego.NegTokenResp;
import io.smbench.smb.spnego.SpnegoTokens;
import java.util.concurrent.CompletableFuture;

/**
 * Binds a further connection to an existing session as a new channel (multichannel; MS-SMB2
 * 3.2.4.2.3 "Connecting to a share... session binding", 3.2.5.3.3 "Handling Session Binding",
 * server side 3.3.5.5 and 3.3.5.5.2).
 *
 * <p>The new connection negotiates the session's dialect with the same ClientGuid. SESSION_SETUP
 * then carries SMB2_SESSION_FLAG_BINDING and the session's SessionId; each request is signed with
 * the session's signing key. On 3.1.1 the channel keeps its own preauth hash, begun from its own
 * NEGOTIATE; the channel's signing key is derived from the session key of this authentication
 * and that hash ("SMBSigningKey", 3.2.5.3.1), and signs the final response and every later message
 * on the channel. Encryption keys stay the session's. Binding an encrypted session is not
 * supported yet and is refused before anything is sent.
 */
public final class SessionBinding {
    private final SmbSession session;
    private final SmbConnection channel;
    private final NegotiationResult negotiation;
    private final NtlmCredentials credentials;
    private final NtlmClient ntlm;
    private final PreauthIntegrityHash hash;
    private final BindingSecurity security;

    private SessionBinding(SmbSession session, SmbConnection channel, NegotiationResult negotiation,
            NtlmCredentials credentials) {
        this.session = session;
        this.channel = channel;
        this.negotiation = negotiation;
        this.credentials = credentials;
        this.ntlm = new NtlmClient(credentials, NtlmEntropy.secure(), "SMBENCH");
        this.hash = negotiation.preauthHash() == null ? null : negotiation.preauthHash().fork();
        this.security = new BindingSecurity(session.security().signer());
    }

    /**
     * Binds {@code channel}, already negotiated ({@code negotiation}) with the session's ClientGuid,
     * to {@code session}; afterwards the session spreads its I/O over it.
     */
    public static CompletableFuture<SmbConnection> bind(SmbSession session, SmbConnection channel,
            NegotiationResult negotiation, NtlmCredentials credentials) {
        String refusal = refusal(session, negotiation);
        if (refusal != null) {
            return CompletableFuture.failedFuture(new SmbClientException("cannot bind a channel to session 0x"
                    + Long.toHexString(session.sessionId()) + ": " + refusal));
        }
        return new SessionBinding(session, channel, negotiation, credentials).run();
    }

    private static String refusal(SmbSession session, NegotiationResult negotiation) {
        Dialect dialect = session.negotiation().dialect();
        if (!dialect.isSmb3()) {
            return "multichannel needs an SMB 3.x dialect, the session runs " + dialect.version();
        }
        if (negotiation.dialect() != dialect) {
            return "the new connection negotiated " + negotiation.dialect().version() + ", the session runs "
                    + dialect.version() + " (3.3.5.5 requires the same)";
        }
        if ((negotiation.serverCapabilities() & Smb2Flags.CAP_MULTI_CHANNEL) == 0) {
            return "the server does not offer SMB2_GLOBAL_CAP_MULTI_CHANNEL";
        }
        if (session.security().signer() == null) {
            return "a guest or anonymous session has no signing key to bind with";
        }
        if (session.encrypts()) {
            return "binding an encrypted session is not supported yet";
        }
        return null;
    }

    private CompletableFuture<SmbConnection> run() {
        long sessionId = session.sessionId();
        channel.registerSession(sessionId, security, false);
        return send(SpnegoTokens.negTokenInit(ntlm.negotiate()), false).thenCompose(response -> {
            byte[] challenge;
            try (response) {
                if (response.status() != NtStatus.STATUS_MORE_PROCESSING_REQUIRED) {
                    throw failure(response.status());
                }
                if (hash != null) {
                    hash.update(response.message());
                }
                challenge = NegTokenResp.decode(SessionSetupResponse.decode(response.message()).securityBuffer())
                        .responseToken();
            }
            byte[] authenticate = ntlm.authenticate(challenge);
            byte[] mechListMic = ntlm.clientSignature().sign(SpnegoTokens.MECH_TYPE_LIST);
            return send(SpnegoTokens.negTokenResp(authenticate, mechListMic), true);
        }).thenApply(last -> {
            try (last) {
                if (last.status() != NtStatus.STATUS_SUCCESS) {
                    throw failure(last.status());
                }
                if (!last.isSigned()) {
                    throw new SmbSecurityException("the final binding SESSION_SETUP response is not signed (3.2.5.3.3)");
                }
            }
            SessionSecurity bound = new SessionSecurity(sessionId, security.channelSigner, null, true, false);
            channel.registerSession(sessionId, bound, true);
            session.addChannel(channel);
            return channel;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                channel.unregisterSession(sessionId);
            }
        });
    }

    /**
     * One binding SESSION_SETUP. The last one's observer, which runs once the request is signed and
     * before it is written, completes the channel's preauth hash and derives the channel signing
     * key, so the final response can be verified with it when it arrives.
     */
    private CompletableFuture<Smb2Response> send(byte[] token, boolean last) {
        int securityMode = Smb2Flags.SIGNING_ENABLED;
        SessionSetupRequest body = new SessionSetupRequest(Smb2Flags.SESSION_FLAG_BINDING, securityMode,
                Smb2Flags.CAP_DFS, 0, token);
        OutgoingRequest request = OutgoingRequest.of(Smb2Command.SESSION_SETUP, session.sessionId(), 0, 10, body,
                session.config().requestTimeout());
        return channel.send(request.observedBy(message -> {
            if (hash != null) {
                hash.update(message);
            }
            if (last) {
                security.channelSigner = channelSigner();
            }
        }));
    }

    private MessageSigner channelSigner() {
        byte[] sessionKey = ntlm.exportedSessionKey();
        if (sessionKey == null) {
            throw new SmbSecurityException("the binding authentication produced no session key");
        }
        SessionKeys keys = SessionKeys.derive(negotiation.dialect().code(), sessionKey,
                hash == null ? null : hash.value(), 128);
        return negotiation.signingAlgorithm().newSigner(keys.signingKey());
    }

    private SmbAuthenticationException failure(int status) {
        return new SmbAuthenticationException("binding SESSION_SETUP of session 0x"
                + Long.toHexString(session.sessionId()) + " for user '" + credentials.user() + "' failed with "
                + NtStatus.describe(status), status);
    }

    /**
     * While binding: requests are signed with the session's key (3.3.5.5 verifies them with
     * Session.SigningKey); the final response is verified with the channel's key.
     */
    private static final class BindingSecurity implements MessageSecurity {
        private final MessageSigner sessionSigner;
        private volatile MessageSigner channelSigner;

        BindingSecurity(MessageSigner sessionSigner) {
            this.sessionSigner = sessionSigner;
        }

        @Override
        public boolean signs() {
            return true;
        }

        @Override
        public boolean encrypts() {
            return false;
        }

        @Override
        public void sign(ByteBuf message) {
            sessionSigner.sign(message);
        }

        @Override
        public boolean verify(ByteBuf message) {
            MessageSigner signer = channelSigner;
            return (signer != null ? signer : sessionSigner).verify(message);
        }

        @Override
        public ByteBuf encrypt(ByteBufAllocator allocator, ByteBuf plaintext) {
            plaintext.release();
            throw new SmbSecurityException("a channel being bound does not encrypt");
        }

        @Override
        public ByteBuf decrypt(ByteBufAllocator allocator, ByteBuf transformed) {
            throw new SmbSecurityException("a channel being bound does not decrypt");
        }
    }
}

package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Header;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Flags;
import io.smbench.smb.mssmb2.msg.SimpleRequest;
import io.smbench.smb.mssmb2.msg.TreeConnectRequest;
import io.smbench.smb.mssmb2.msg.TreeConnectResponse;
import java.util.concurrent.CompletableFuture;

/**
 * An authenticated session on a connection (MS-SMB2 3.2.1.3 Per Session): its id, flags and
 * security, and the tree connects made on it.
 */
public final class SmbSession {
    private final SmbConnection connection;
    private final NegotiationResult negotiation;
    private final ClientConfig config;
    private final long sessionId;
    private final int sessionFlags;
    private final SessionSecurity security;
    private final String serverName;
    private final byte[] sessionKey;
    private final ChannelSet channels;
    private final java.util.concurrent.atomic.AtomicLong replayedRequests = new java.util.concurrent.atomic.AtomicLong();

    SmbSession(SmbConnection connection, NegotiationResult negotiation, ClientConfig config, long sessionId,
            int sessionFlags, SessionSecurity security, String serverName, byte[] sessionKey) {
        this.connection = connection;
        this.negotiation = negotiation;
        this.config = config;
        this.sessionId = sessionId;
        this.sessionFlags = sessionFlags;
        this.security = security;
        this.serverName = serverName;
        this.sessionKey = sessionKey;
        this.channels = new ChannelSet(connection);
    }

    public long sessionId() {
        return sessionId;
    }

    public int sessionFlags() {
        return sessionFlags;
    }

    public boolean signs() {
        return security.signs();
    }

    public boolean encrypts() {
        return security.encrypts();
    }

    public NegotiationResult negotiation() {
        return negotiation;
    }

    public SmbConnection connection() {
        return connection;
    }

    /** Every live channel of this session: the connection it was set up on, then the bound ones (3.2.1.3). */
    public java.util.List<SmbConnection> channels() {
        return channels.all();
    }

    /** The channel for the next READ or WRITE: the live channels in turn. */
    SmbConnection ioChannel() {
        return channels.pick();
    }

    /** Requests resent on another channel after theirs was lost (SMB2_FLAGS_REPLAY_OPERATION). */
    public long replayedRequests() {
        return replayedRequests.get();
    }

    void countReplay() {
        replayedRequests.incrementAndGet();
    }

    void addChannel(SmbConnection channel) {
        channels.add(channel);
    }

    ClientConfig config() {
        return config;
    }

    SessionSecurity security() {
        return security;
    }

    java.util.UUID clientGuid() {
        return config.clientGuid();
    }

    /**
     * The session key, for tools that must decrypt a capture of this session (Wireshark's
     * smb2_seskey_list). Never logged by smbench.
     */
    public byte[] sessionKeyForCaptureDecryption() {
        return sessionKey == null ? null : sessionKey.clone();
    }

    /**
     * Credits each request asks for. Enough to keep several 8 MiB multi-credit transfers (128 credits
     * each) in flight; servers cap grants by their own policy (3.3.1.2).
     */
    static final int CREDIT_REQUEST = 256;

    /** A request on this session with the configured timeout. */
    OutgoingRequest request(int command, int treeId, BodyWriter body) {
        return OutgoingRequest.of(command, sessionId, treeId, CREDIT_REQUEST, body, config.requestTimeout());
    }

    /**
     * TREE_CONNECT to {@code \\server\share} (MS-SMB2 3.2.4.2.4). A share with
     * SMB2_SHAREFLAG_ENCRYPT_DATA gets its requests encrypted from then on.
     */
    public CompletableFuture<SmbTree> connectTree(String share) {
        String path = "\\\\" + serverName + "\\" + share;
        OutgoingRequest request = request(Smb2Command.TREE_CONNECT, 0, new TreeConnectRequest(path));
        if (negotiation.dialect() == io.smbench.smb.mssmb2.Dialect.SMB_3_1_1 && security.signer() != null
                && !security.encrypts()) {
            // 3.2.4.1.1: on 3.1.1 a TREE_CONNECT that is not encrypted is always signed, so a
            // man in the middle cannot strip the share's flags.
            request = new OutgoingRequest(request.command(), request.sessionId(), 0, 1, request.creditRequest(),
                    Smb2Header.FLAG_SIGNED, request.body(), request.timeout(), null, false);
        }
        return connection.send(request).thenApply(response -> {
            try (response) {
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbClientException("TREE_CONNECT to " + path + " failed: " + NtStatus.describe(response.status())
                            + (response.status() == NtStatus.STATUS_BAD_NETWORK_NAME ? " (no such share)" : "")
                            + (response.status() == NtStatus.STATUS_ACCESS_DENIED && !security.canEncrypt()
                                    ? " (the share may require SMB3 encryption)" : ""));
                }
                TreeConnectResponse decoded = TreeConnectResponse.decode(response.message());
                boolean shareEncrypts = (decoded.shareFlags() & Smb2Flags.SHARE_FLAG_ENCRYPT_DATA) != 0;
                if (shareEncrypts && !security.canEncrypt()) {
                    throw new SmbSecurityException("share " + share + " requires encryption, but this session has no "
                            + "cipher (dialect " + negotiation.dialect().version() + ")");
                }
                return new SmbTree(this, share, response.treeId(), decoded, shareEncrypts || security.encrypts());
            }
        });
    }

    /** LOGOFF (MS-SMB2 3.2.4.3); the connection stops applying this session's keys afterwards. */
    public CompletableFuture<Void> logoff() {
        return connection.send(request(Smb2Command.LOGOFF, 0, SimpleRequest.INSTANCE)).thenAccept(response -> {
            try (response) {
                connection.unregisterSession(sessionId);
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbClientException("LOGOFF failed: " + NtStatus.describe(response.status()));
                }
            }
        });
    }

    /** ECHO (MS-SMB2 3.2.4.17). */
    public CompletableFuture<Void> echo() {
        return connection.send(request(Smb2Command.ECHO, 0, SimpleRequest.INSTANCE)).thenAccept(response -> {
            try (response) {
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbClientException("ECHO failed: " + NtStatus.describe(response.status()));
                }
            }
        });
    }
}

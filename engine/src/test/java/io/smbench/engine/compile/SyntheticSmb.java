package io.smbench.engine.compile;

import io.netty.buffer.Unpooled;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CloseRequest;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.SessionSetupRequest;
import io.smbench.smb.mssmb2.msg.TreeConnectRequest;
import io.smbench.smb.mssmb2.msg.WriteRequest;
import io.smbench.smb.ntlm.NtlmClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import io.smbench.smb.ntlm.NtlmEntropy;
import io.smbench.smb.spnego.SpnegoTokens;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

/**
 * One client's side of a synthetic SMB2 conversation on a {@link SyntheticCapture} connection:
 * each call writes a request built by smb-protocol's codecs and its response, {@code latency}
 * microseconds later, and advances the MessageId.
 */
final class SyntheticSmb {
    /** MS-NLMP 4.2.4.3's CHALLENGE_MESSAGE, for NtlmClient to answer with a real AUTHENTICATE_MESSAGE. */
    static final byte[] CHALLENGE = HexFormat.of().parseHex("4E544C4D53535000020000000C000C003800000033828AE2"
            + "0123456789ABCDEF00000000000000002400240044000000060070170000000F5300650072007600"
            + "6500720002000C0044006F006D00610069006E0001000C0053006500720076006500720000000000");

    /** Reproducible NTLM randomness: the capture is the same on every run. */
    private static final NtlmEntropy FIXED_ENTROPY = new NtlmEntropy() {
        @Override
        public byte[] clientChallenge() {
            return new byte[] {1, 2, 3, 4, 5, 6, 7, 8};
        }

        @Override
        public byte[] randomSessionKey() {
            return new byte[16];
        }

        @Override
        public long fileTimeNow() {
            return 133_000_000_000_000_000L;
        }
    };

    private final SyntheticCapture.Connection connection;
    private long messageId;
    private long sessionId;
    private int treeId;

    SyntheticSmb(SyntheticCapture.Connection connection) {
        this.connection = connection;
    }

    /** The two SESSION_SETUP legs of an NTLM logon (in SPNEGO) of {@code domain\\user}; the server gives {@code session}. */
    SyntheticSmb logOn(long micros, String user, String domain, long session) throws IOException {
        NtlmClient ntlm = new NtlmClient(new NtlmCredentials(user, domain, "secret".toCharArray()), FIXED_ENTROPY, "WS");
        byte[] first = SpnegoTokens.negTokenInit(ntlm.negotiate());
        connection.request(micros, Smb2Command.SESSION_SETUP, messageId, 0, 0, new SessionSetupRequest(0, 1, 0, 0, first));
        connection.simpleResponse(micros + 1, Smb2Command.SESSION_SETUP, messageId++, 0xC0000016, 0, session);
        byte[] second = SpnegoTokens.negTokenResp(ntlm.authenticate(CHALLENGE), null);
        connection.request(micros + 2, Smb2Command.SESSION_SETUP, messageId, 0, session,
                new SessionSetupRequest(0, 1, 0, 0, second));
        connection.simpleResponse(micros + 3, Smb2Command.SESSION_SETUP, messageId++, NtStatus.STATUS_SUCCESS, 0, session);
        this.sessionId = session;
        return this;
    }

    /** A logon whose token is not NTLM (as Kerberos would be): the user cannot be read. */
    SyntheticSmb logOnOpaque(long micros, long session) throws IOException {
        connection.request(micros, Smb2Command.SESSION_SETUP, messageId, 0, 0,
                new SessionSetupRequest(0, 1, 0, 0, new byte[] {0x60, 0x03, 0x06, 0x01, 0x00}));
        connection.simpleResponse(micros + 1, Smb2Command.SESSION_SETUP, messageId++, NtStatus.STATUS_SUCCESS, 0, session);
        this.sessionId = session;
        return this;
    }

    SyntheticSmb treeConnect(long micros, int tree) throws IOException {
        connection.request(micros, Smb2Command.TREE_CONNECT, messageId, 0, sessionId,
                new TreeConnectRequest("\\\\server\\share"));
        connection.simpleResponse(micros + 1, Smb2Command.TREE_CONNECT, messageId++, NtStatus.STATUS_SUCCESS, tree,
                sessionId);
        this.treeId = tree;
        return this;
    }

    void open(long micros, long latency, String name, FileId granted, int status, CreateContext... contexts)
            throws IOException {
        answerOpen(micros + latency, sendOpen(micros, name, contexts), granted, status);
    }

    /** A CREATE request alone, answered later by {@link #answerOpen}; returns its MessageId. */
    long sendOpen(long micros, String name, CreateContext... contexts) throws IOException {
        connection.request(micros, Smb2Command.CREATE, messageId, treeId, sessionId,
                new CreateRequest(CreateRequest.OPLOCK_NONE, 2, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                        CreateRequest.FILE_ATTRIBUTE_NORMAL, CreateRequest.SHARE_READ, CreateRequest.FILE_OPEN_IF, 0, name,
                        List.of(contexts)));
        return messageId++;
    }

    void answerOpen(long micros, long requestMessageId, FileId granted, int status) throws IOException {
        connection.createResponse(micros, requestMessageId, status, treeId, sessionId, granted);
    }

    void write(long micros, long latency, FileId file, long offset, byte[] data) throws IOException {
        connection.request(micros, Smb2Command.WRITE, messageId, treeId, sessionId,
                new WriteRequest(file, offset, Unpooled.wrappedBuffer(data)));
        connection.response(micros + latency, Smb2Command.WRITE, messageId++, NtStatus.STATUS_SUCCESS, treeId, sessionId,
                new byte[16]);
    }

    void close(long micros, long latency, FileId file) throws IOException {
        connection.request(micros, Smb2Command.CLOSE, messageId, treeId, sessionId, new CloseRequest(file, false));
        connection.response(micros + latency, Smb2Command.CLOSE, messageId++, NtStatus.STATUS_SUCCESS, treeId, sessionId,
                new byte[60]);
    }
}

package io.smbench.smb.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A request before it has a MessageId: what the connection needs to frame, sign, encrypt, send
 * and correlate it. The connection assigns MessageId from its {@link CreditWindow} at send time.
 *
 * @param command SMB2 command code (MS-SMB2 2.2.1)
 * @param sessionId SessionId, 0 before a session exists
 * @param treeId TreeId, 0 when the command has no tree
 * @param creditCharge CreditCharge (MS-SMB2 3.1.5.2); 0 is sent as given and still consumes one MessageId
 * @param creditRequest credits asked for
 * @param extraFlags header flags besides SIGNED (which the session's security sets), e.g. DFS_OPERATIONS
 * @param body writes the command's body after the header
 * @param timeout how long to wait for the final response; an interim response restarts it
 * @param observer sees the plaintext message as sent (the preauth hash needs it), or null
 * @param encrypt encrypt this request even if its session does not encrypt everything (a share
 *     with SMB2_SHAREFLAG_ENCRYPT_DATA, MS-SMB2 3.2.4.1.8)
 */
public record OutgoingRequest(
        int command,
        long sessionId,
        int treeId,
        int creditCharge,
        int creditRequest,
        int extraFlags,
        BodyWriter body,
        Duration timeout,
        MessageObserver observer,
        boolean encrypt) {

    public OutgoingRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        if (creditCharge < 0 || creditCharge > 0xFFFF || creditRequest < 0 || creditRequest > 0xFFFF) {
            throw new IllegalArgumentException("CreditCharge and CreditRequest are 16-bit values");
        }
    }

    /** A request of one credit asking for {@code creditRequest} more, with no observer. */
    public static OutgoingRequest of(int command, long sessionId, int treeId, int creditRequest, BodyWriter body,
            Duration timeout) {
        return new OutgoingRequest(command, sessionId, treeId, 1, creditRequest, 0, body, timeout, null, false);
    }

    /** The same request with an observer of its encoded bytes. */
    public OutgoingRequest observedBy(MessageObserver newObserver) {
        return new OutgoingRequest(command, sessionId, treeId, creditCharge, creditRequest, extraFlags, body, timeout,
                newObserver, encrypt);
    }

    /** The same request with another CreditCharge. */
    public OutgoingRequest withCreditCharge(int charge) {
        return new OutgoingRequest(command, sessionId, treeId, charge, creditRequest, extraFlags, body, timeout,
                observer, encrypt);
    }

    /** The same request with {@code flags} added to its header Flags (SMB2_FLAGS_*, MS-SMB2 2.2.1.2). */
    public OutgoingRequest withFlags(int flags) {
        return new OutgoingRequest(command, sessionId, treeId, creditCharge, creditRequest, extraFlags | flags, body,
                timeout, observer, encrypt);
    }

    /** The same request, encrypted or not whatever its session does. */
    public OutgoingRequest encrypted(boolean value) {
        return new OutgoingRequest(command, sessionId, treeId, creditCharge, creditRequest, extraFlags, body, timeout,
                observer, value);
    }
}

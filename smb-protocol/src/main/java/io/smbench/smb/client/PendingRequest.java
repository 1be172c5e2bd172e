package io.smbench.smb.client;

import java.util.concurrent.ScheduledFuture;

/**
 * A request sent and not yet answered: MS-SMB2 3.2.1.7 "Per Pending Request".
 *
 * <p>{@code Request.AsyncId} is zero until an interim response (STATUS_PENDING with
 * SMB2_FLAGS_ASYNC_COMMAND) gives one; CANCEL then uses the async form of the header
 * (MS-SMB2 2.2.1.1, 3.2.4.24).
 *
 * @param <R> what the caller receives when the request completes
 */
public final class PendingRequest<R> {
    private final long messageId;
    private final int command;
    private final int creditCharge;
    private final long sentAtNanos;
    private final long sessionId;
    private final ResponseListener<R> listener;
    private long asyncId;
    private boolean timedOut;
    private ScheduledFuture<?> timeout;

    public PendingRequest(long messageId, int command, int creditCharge, long sentAtNanos, ResponseListener<R> listener) {
        this(messageId, command, creditCharge, sentAtNanos, 0L, listener);
    }

    public PendingRequest(long messageId, int command, int creditCharge, long sentAtNanos, long sessionId,
            ResponseListener<R> listener) {
        this.sessionId = sessionId;
        this.messageId = messageId;
        this.command = command;
        this.creditCharge = creditCharge;
        this.sentAtNanos = sentAtNanos;
        this.listener = listener;
    }

    public long messageId() {
        return messageId;
    }

    /** The SMB2 command code of the request (MS-SMB2 2.2.1). */
    public int command() {
        return command;
    }

    public int creditCharge() {
        return creditCharge;
    }

    /** SessionId the request was sent on; CANCEL must carry the same (MS-SMB2 3.2.4.24). */
    public long sessionId() {
        return sessionId;
    }

    public long sentAtNanos() {
        return sentAtNanos;
    }

    public ResponseListener<R> listener() {
        return listener;
    }

    /** Zero while the request is handled synchronously. */
    public long asyncId() {
        return asyncId;
    }

    public boolean isAsync() {
        return asyncId != 0;
    }

    void markAsync(long asyncId) {
        this.asyncId = asyncId;
    }

    /** True once the caller was told of a timeout; the entry stays until the server answers. */
    public boolean isTimedOut() {
        return timedOut;
    }

    void markTimedOut() {
        this.timedOut = true;
    }

    void timeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}

package io.smbench.smb.client;

import java.util.concurrent.CompletableFuture;

/**
 * A CHANGE_NOTIFY in flight: its eventual result (the FILE_NOTIFY_INFORMATION buffer) and a way
 * to CANCEL it (MS-SMB2 3.2.4.24); a cancelled notify completes with STATUS_CANCELLED.
 */
public final class PendingNotify {
    private final SmbConnection connection;
    private final CompletableFuture<Long> messageId;
    private final CompletableFuture<byte[]> result;

    PendingNotify(SmbConnection connection, CompletableFuture<Long> messageId, CompletableFuture<byte[]> result) {
        this.connection = connection;
        this.messageId = messageId;
        this.result = result;
    }

    public CompletableFuture<byte[]> result() {
        return result;
    }

    /** Sends CANCEL for this notify once it has been sent. */
    public void cancel() {
        messageId.thenAccept(connection::cancel);
    }
}

package io.smbench.engine.backend;

/**
 * Where a backend reports that an operation finished. Called from any thread (in production the
 * Netty event loops); implementations never block and never drop a completion.
 */
public interface CompletionSink {
    /** Client-side outcomes that are not NTSTATUS values from the server. */
    int CLIENT_ERROR = -1;
    int TIMEOUT = -2;
    int UNSUPPORTED = -3;
    int CONNECTION_LOST = -4;

    /**
     * @param client the client index
     * @param op the operation's index within its client
     * @param status the NTSTATUS the server answered, or one of the negative client-side codes
     * @param bytes payload bytes moved (read or written)
     */
    void complete(int client, int op, int status, long bytes);

    /** Events outside any operation, for the report's per-client timeline. */
    int EVENT_OPLOCK_BREAK = 1;
    int EVENT_CONNECTION_LOST = 2;

    /**
     * Something happened to {@code client} between its operations: the report shows the operations
     * around it. Same threading rules as {@link #complete}.
     *
     * @param event {@link #EVENT_OPLOCK_BREAK} or {@link #EVENT_CONNECTION_LOST}
     */
    void event(int client, int event);
}

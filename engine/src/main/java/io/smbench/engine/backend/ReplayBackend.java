package io.smbench.engine.backend;

import io.smbench.engine.ir.Operation;

/**
 * Executes workload operations. {@link #issue} is called on the scheduler's thread, must return at
 * once, and reports the outcome later through the sink.
 */
public interface ReplayBackend extends AutoCloseable {
    /** Prepares every client (connections, sessions) before the timed replay starts. */
    void open(java.util.List<String> clientIds) throws Exception;

    /** Starts {@code operation}, the {@code op}-th of {@code client}. */
    void issue(int client, int op, Operation operation, CompletionSink sink);

    /**
     * Ends a client's stream: closes what it left open and logs off. Returns the handle_refs that
     * were still open (leaks), which the report lists.
     */
    java.util.List<String> finish(int client) throws Exception;

    @Override
    void close() throws Exception;

    /** Human-readable name for reports ("smb", "null"). */
    String name();
}

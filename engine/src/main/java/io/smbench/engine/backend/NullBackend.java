package io.smbench.engine.backend;

import io.smbench.engine.ir.Operation;
import java.util.List;

/** Completes every operation at once with STATUS_SUCCESS; measures the scheduler alone. */
public final class NullBackend implements ReplayBackend {
    @Override
    public void open(List<String> clientIds) {}

    @Override
    public void issue(int client, int op, Operation operation, CompletionSink sink) {
        sink.complete(client, op, 0, operation.number("length", 0));
    }

    @Override
    public List<String> finish(int client) {
        return List.of();
    }

    @Override
    public void close() {}

    @Override
    public String name() {
        return "null";
    }
}

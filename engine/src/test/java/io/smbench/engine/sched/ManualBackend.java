package io.smbench.engine.sched;

import io.smbench.engine.backend.CompletionSink;
import io.smbench.engine.backend.ReplayBackend;
import io.smbench.engine.ir.Operation;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.CachedNanoClock;

/** Records what the scheduler issues and when; the test completes operations explicitly. */
final class ManualBackend implements ReplayBackend {
    record Issued(int client, int op, String opId, long atNanos) {}

    private final CachedNanoClock clock;
    final List<Issued> issued = new ArrayList<>();
    private CompletionSink sink;

    ManualBackend(CachedNanoClock clock) {
        this.clock = clock;
    }

    @Override
    public void open(List<String> clientIds) {}

    @Override
    public void issue(int client, int op, Operation operation, CompletionSink sink) {
        this.sink = sink;
        issued.add(new Issued(client, op, operation.opId(), clock.nanoTime()));
    }

    void complete(String opId, int status) {
        Issued op = issued.stream().filter(i -> i.opId().equals(opId)).findFirst().orElseThrow();
        sink.complete(op.client(), op.op(), status, 0);
    }

    /** An event between operations (a break), as the SMB backend reports one. */
    void event(int client, int event) {
        sink.event(client, event);
    }

    List<String> issuedIds() {
        return issued.stream().map(Issued::opId).toList();
    }

    @Override
    public List<String> finish(int client) {
        return List.of();
    }

    @Override
    public void close() {}

    @Override
    public String name() {
        return "manual";
    }
}

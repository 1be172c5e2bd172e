package io.smbench.engine.backend;

import io.smbench.engine.ir.Operation;
import java.util.List;

/**
 * An {@link SmbBackend} as the runner sees it, with a hook run once every client is connected and
 * logged on: tests time a connection cut from there (setup on a loaded machine can take longer
 * than the cut's delay) and look at the connections while they are up.
 */
final class AfterOpenBackend implements ReplayBackend {
    /** What to do once the backend is open; may throw. */
    interface Hook {
        void run(SmbBackend backend) throws Exception;
    }

    private final SmbBackend delegate;
    private final Hook afterOpen;

    AfterOpenBackend(SmbBackend delegate, Hook afterOpen) {
        this.delegate = delegate;
        this.afterOpen = afterOpen;
    }

    /** Closes client 0's connection {@code millis} after the hook runs, as a network failure would. */
    static Hook cutFirstConnectionAfter(long millis) {
        return backend -> {
            var channel = backend.treeOf(0).session().connection().channel();
            java.util.concurrent.CompletableFuture.delayedExecutor(millis, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .execute(channel::close);
        };
    }

    @Override
    public void open(List<String> clientIds) throws Exception {
        delegate.open(clientIds);
        afterOpen.run(delegate);
    }

    @Override
    public void issue(int client, int op, Operation operation, CompletionSink sink) {
        delegate.issue(client, op, operation, sink);
    }

    @Override
    public List<String> finish(int client) throws Exception {
        return delegate.finish(client);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String name() {
        return delegate.name();
    }
}

package io.smbench.engine.backend;

import io.netty.buffer.ByteBuf;
import io.smbench.engine.ir.Operation;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.ConnectionClosedException;
import io.smbench.smb.client.RequestTimeoutException;
import io.smbench.smb.client.SessionSetup;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.client.SmbStatusException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Executes workload operations with smbench's own SMB2/3 client, one session and tree per client.
 * By default each client also has its own connection; with {@link #clientsPerConnection(int)} N
 * consecutive clients share one, as the users of one machine do ({@link SharedConnection}). IR operations map onto SMB2 as a Windows client issues them (docs/workload-ir.md):
 * Open is CREATE, Delete is CREATE with delete-on-close, Rename is SET_INFO
 * FileRenameInformation, Mkdir/Rmdir are directory CREATEs, QueryDirectory runs to
 * STATUS_NO_MORE_FILES.
 *
 * <p>A client has at most one operation in flight (the scheduler guarantees it), so its handle
 * table is touched by one thread at a time; the completion ring orders those accesses.
 */
public final class SmbBackend implements ReplayBackend {
    private final SmbClient client;
    private final String host;
    private final int port;
    private final String share;
    private final ClientConfig config;
    private final NtlmCredentials credentials;
    private final WriteData writeData;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> breaks = Collections.synchronizedList(new ArrayList<>());
    private volatile long openedAtNanos;
    private List<String> clientIds = List.of();
    private List<String> directoriesToCreate = List.of();

    /**
     * Directories to create (if missing) before the replay starts, e.g. the per-user prefixes of a
     * scaled replay.
     */
    public void createDirectoriesFirst(List<String> paths) {
        this.directoriesToCreate = List.copyOf(paths);
    }
    private ClientState[] clients = new ClientState[0];
    private SharedConnection[] connections = new SharedConnection[0];
    private int clientsPerConnection = 1;

    /**
     * Groups clients {@code n} per TCP connection, like the users of one machine: each keeps its own
     * session and tree connect, the connection and its ClientGuid are shared. Call before
     * {@link #open}; 1 (the default) gives every client its own connection.
     */
    public void clientsPerConnection(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("clients per connection must be at least 1, was " + n);
        }
        this.clientsPerConnection = n;
    }

    private static final class ClientState {
        SharedConnection shared;
        SmbConnection connection;
        SmbSession session;
        SmbTree tree;
        final Map<String, SmbFile> handles = new HashMap<>();
        /** The CREATE each open handle came from, to reclaim it after a reconnect. */
        final Map<String, io.smbench.smb.mssmb2.msg.CreateRequest> opened = new HashMap<>();
        /** Resume keys this replay's server gave per handle_ref (FSCTL_SRV_REQUEST_RESUME_KEY). */
        final Map<String, io.smbench.smb.mssmb2.fsctl.ResumeKey> resumeKeys = new HashMap<>();
        volatile io.smbench.smb.mssmb2.fsctl.ResumeKey lastResumeKey;
    }

    private final List<String> reconnects = Collections.synchronizedList(new ArrayList<>());
    /** The running replay's sink, for breaks and lost connections; set by the first issue. */
    private volatile CompletionSink events;

    public SmbBackend(SmbClient client, String host, int port, String share, ClientConfig config,
            NtlmCredentials credentials, Path workloadDir) {
        this.client = client;
        this.host = host;
        this.port = port;
        this.share = share;
        this.config = config;
        this.credentials = credentials;
        this.writeData = new WriteData(workloadDir);
    }

    /**
     * How many connections are opened (and their clients logged on) at once. A server forks or
     * allocates per connection and accepts from a short listen queue (Samba: one process per
     * connection, a backlog of 50), so a thousand simultaneous connects measure the server's fork
     * storm, not the workload.
     */
    static final int SETUP_CONCURRENCY = 32;

    @Override
    public void open(List<String> clientIds) throws Exception {
        this.clientIds = List.copyOf(clientIds);
        clients = new ClientState[clientIds.size()];
        connections = new SharedConnection[(clients.length + clientsPerConnection - 1) / clientsPerConnection];
        for (int c = 0; c < connections.length; c++) {
            // Each machine has its own ClientGuid, kept across reconnects so the server hands back
            // its durable handles. Sharing one among machines would make a multichannel server
            // (Samba) treat their connections as channels of a single client.
            int users = Math.min(clientsPerConnection, clients.length - c * clientsPerConnection);
            connections[c] = new SharedConnection(client, host, port, config.withClientGuid(java.util.UUID.randomUUID()),
                    users, this::recordBreak);
        }
        for (int i = 0; i < clients.length; i++) {
            clients[i] = new ClientState();
            clients[i].shared = connections[i / clientsPerConnection];
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> all = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger(
                connections.length);
        if (connections.length == 0) {
            all.complete(null);
        }
        for (int lane = 0; lane < Math.min(SETUP_CONCURRENCY, connections.length); lane++) {
            setUpNext(next, remaining, all);
        }
        try {
            all.get(config.requestTimeout().toMillis() * 3 + clients.length * 200L, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (!directoriesToCreate.isEmpty() && clients.length > 0) {
            SmbTree tree = clients[0].tree;
            List<CompletableFuture<Void>> created = new ArrayList<>();
            for (String dir : directoriesToCreate) {
                created.add(tree.mkdir(dir).exceptionally(failure -> {
                    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                    if (cause instanceof SmbStatusException s
                            && s.status() == io.smbench.smb.mserref.NtStatus.STATUS_OBJECT_NAME_COLLISION) {
                        return null; // already there
                    }
                    throw failure instanceof RuntimeException r ? r : new CompletionException(failure);
                }));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        openedAtNanos = System.nanoTime();
    }

    /**
     * Sets up the next connection not yet started and logs its clients on, then the one after, until
     * all are up or one fails.
     */
    private void setUpNext(java.util.concurrent.atomic.AtomicInteger next,
            java.util.concurrent.atomic.AtomicInteger remaining, CompletableFuture<Void> all) {
        int group = next.getAndIncrement();
        if (group >= connections.length || all.isDone()) {
            return;
        }
        int first = group * clientsPerConnection;
        int end = Math.min(clients.length, first + clientsPerConnection);
        List<CompletableFuture<Void>> loggedOn = new ArrayList<>();
        for (int index = first; index < end; index++) {
            int client = index;
            loggedOn.add(connectClient(index).exceptionally(failure -> {
                throw new CompletionException(new Exception("client " + clientIds.get(client) + " could not connect "
                        + "and log on: " + (failure.getCause() == null ? failure : failure.getCause()).getMessage(),
                        failure));
            }));
        }
        CompletableFuture.allOf(loggedOn.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure.getCause() == null ? failure : failure.getCause());
            } else if (remaining.decrementAndGet() == 0) {
                all.complete(null);
            } else {
                setUpNext(next, remaining, all);
            }
        });
    }

    /**
     * Logs a client on over its machine's connection (opening or reopening that connection if it is
     * not up): its own SESSION_SETUP and TREE_CONNECT.
     */
    private CompletableFuture<Void> connectClient(int index) {
        ClientState state = clients[index];
        SharedConnection shared = state.shared;
        return shared.established()
                .thenCompose(established -> SessionSetup.authenticate(established.connection(),
                        established.negotiation(), shared.config(), credentials, host))
                .thenCompose(session -> {
                    shared.sessionOf(index, session.sessionId(),
                            state.session == null ? 0 : state.session.sessionId());
                    state.session = session;
                    state.connection = session.connection();
                    return session.connectTree(share);
                })
                .thenAccept(tree -> state.tree = tree);
    }

    /** A break on a client's connection, for the client whose session holds the open (-1: none matched). */
    private void recordBreak(int clientIndex, BreakEvent event) {
        String clientId = clientIndex >= 0 ? clientIds.get(clientIndex)
                : "(session 0x" + Long.toHexString(event.sessionId()) + ")";
        breaks.add(String.format(java.util.Locale.ROOT, "%s: %s break on %s %s -> %s%s at %.3f ms, acknowledged %s",
                clientId, event.kind(), event.path(), event.from(), event.to(),
                event.epoch() >= 0 ? " (epoch " + event.epoch() + ")" : "",
                (event.receivedNanos() - openedAtNanos) / 1e6, event.acknowledged()));
        if (clientIndex >= 0) {
            tellTimeline(clientIndex, CompletionSink.EVENT_OPLOCK_BREAK);
        }
    }

    /** TCP connections the replay has held at once: one per group of clients. */
    public int connectionCount() {
        return connections.length;
    }

    /** TCP connections opened, reconnects included. */
    public int connectionsOpened() {
        int total = 0;
        for (SharedConnection shared : connections) {
            total += shared.connectsStarted();
        }
        return total;
    }

    private void tellTimeline(int client, int event) {
        CompletionSink sink = events;
        if (sink != null) {
            sink.event(client, event);
        }
    }

    /** Oplock breaks each client saw, in order, with times since the replay's clients were ready. */
    public List<String> breaks() {
        synchronized (breaks) {
            return List.copyOf(breaks);
        }
    }

    @Override
    public void issue(int clientIndex, int op, Operation operation, CompletionSink sink) {
        events = sink;
        ClientState state = clients[clientIndex];
        CompletableFuture<Long> outcome;
        if (!state.connection.isOpen()) {
            // The connection dropped since the last operation: reconnect and reclaim first.
            outcome = reconnect(clientIndex).thenCompose(ignored -> safely(state, operation));
        } else {
            outcome = safely(state, operation);
        }
        outcome.whenComplete((bytes, failure) -> {
            int status = failure == null ? 0 : statusOf(failure);
            if (status == CompletionSink.CONNECTION_LOST) {
                // Reconnect before the client's next operation is issued; this one stays failed.
                reconnect(clientIndex).whenComplete((ok, error) -> sink.complete(clientIndex, op, status, 0));
            } else {
                sink.complete(clientIndex, op, status, bytes == null ? 0 : bytes);
            }
        });
    }

    private CompletableFuture<Long> safely(ClientState state, Operation operation) {
        try {
            return execute(state, operation);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Reconnects a client whose connection was lost (MS-SMB2 3.2.4.4): a new connection with the same
     * ClientGuid (shared with the other clients of its machine: the first of them to notice opens it,
     * the others log on to it), a new session and tree, then each durable open reclaimed with DH2C/DHnC, its
     * CreateGuid and its lease key. Opens that were not durable, or that the server will not hand
     * back, are dropped from the client's handles and reported.
     */
    private CompletableFuture<Void> reconnect(int index) {
        ClientState state = clients[index];
        String id = clientIds.get(index);
        long started = System.nanoTime();
        tellTimeline(index, CompletionSink.EVENT_CONNECTION_LOST);
        return connectClient(index).thenCompose(connected -> {
            List<CompletableFuture<String>> reclaims = new ArrayList<>();
            for (Map.Entry<String, SmbFile> handle : new ArrayList<>(state.handles.entrySet())) {
                reclaims.add(reclaim(state, handle.getKey(), handle.getValue()));
            }
            return CompletableFuture.allOf(reclaims.toArray(CompletableFuture[]::new)).thenApply(all -> {
                List<String> outcomes = reclaims.stream().map(CompletableFuture::join).toList();
                long kept = outcomes.stream().filter(o -> o.startsWith("reclaimed")).count();
                reconnects.add(String.format(java.util.Locale.ROOT, "%s: connection lost at %.3f ms, reconnected in "
                        + "%.3f ms; %d of %d handles reclaimed%s", id, (started - openedAtNanos) / 1e6,
                        (System.nanoTime() - started) / 1e6, kept, outcomes.size(),
                        outcomes.isEmpty() ? "" : " (" + String.join(", ", outcomes) + ")"));
                return (Void) null;
            });
        }).exceptionally(failure -> {
            reconnects.add(id + ": connection lost; reconnect failed: " + (failure.getCause() == null ? failure
                    : failure.getCause()).getMessage());
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private CompletableFuture<String> reclaim(ClientState state, String handle, SmbFile lost) {
        io.smbench.smb.mssmb2.msg.CreateRequest original = state.opened.get(handle);
        byte[] v2 = lost.created().context(io.smbench.smb.mssmb2.msg.DurableContext.V2);
        byte[] v1 = lost.created().context(io.smbench.smb.mssmb2.msg.DurableContext.V1);
        if (original == null || (v2 == null && v1 == null)) {
            state.handles.remove(handle);
            return CompletableFuture.completedFuture("lost " + handle + " (not durable)");
        }
        List<io.smbench.smb.mssmb2.msg.CreateContext> contexts = new ArrayList<>();
        for (io.smbench.smb.mssmb2.msg.CreateContext context : original.contexts()) {
            if (context.name().equals(io.smbench.smb.mssmb2.msg.LeaseContext.NAME)) {
                contexts.add(context); // the same lease key, as the reconnect requires
            } else if (context.name().equals(io.smbench.smb.mssmb2.msg.DurableContext.V2)) {
                byte[] guid = java.util.Arrays.copyOfRange(context.data(), 16, 32);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(guid).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                long msb = ((long) b.getInt() << 32) | ((b.getShort() & 0xFFFFL) << 16) | (b.getShort() & 0xFFFFL);
                long lsb = b.order(java.nio.ByteOrder.BIG_ENDIAN).getLong();
                boolean persistent = (context.data()[4] & io.smbench.smb.mssmb2.msg.DurableContext.FLAG_PERSISTENT) != 0;
                contexts.add(io.smbench.smb.mssmb2.msg.DurableContext.reconnectV2(lost.fileId(),
                        new java.util.UUID(msb, lsb), persistent));
            } else if (context.name().equals(io.smbench.smb.mssmb2.msg.DurableContext.V1)) {
                contexts.add(io.smbench.smb.mssmb2.msg.DurableContext.reconnectV1(lost.fileId()));
            }
        }
        io.smbench.smb.mssmb2.msg.CreateRequest again = new io.smbench.smb.mssmb2.msg.CreateRequest(
                original.oplockLevel(), original.impersonationLevel(), original.desiredAccess(),
                original.fileAttributes(), original.shareAccess(), io.smbench.smb.mssmb2.msg.CreateRequest.FILE_OPEN,
                original.createOptions(), original.name(), contexts);
        return state.tree.create(again).handle((file, failure) -> {
            if (failure != null) {
                state.handles.remove(handle);
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                return "lost " + handle + " (" + (cause instanceof SmbStatusException s ? s.statusName()
                        : cause.getMessage()) + ")";
            }
            state.handles.put(handle, file);
            return "reclaimed " + handle;
        });
    }

    /** Reconnects in order: when, how long, which handles came back. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> grants =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Records what an open asked for and what the server granted (MS-SMB2 2.2.14 OplockLevel, and
     * the lease state of the RqLs response context 2.2.14.2.10/11), e.g. "Batch -> LevelII".
     */
    private void countGrant(io.smbench.smb.mssmb2.msg.CreateRequest create, io.smbench.smb.client.SmbFile file) {
        String asked = BreakEvent.levelName(create.oplockLevel());
        String granted = BreakEvent.levelName(file.created().oplockLevel());
        if (create.oplockLevel() == io.smbench.smb.mssmb2.msg.CreateRequest.OPLOCK_LEASE) {
            asked += create.contexts().stream().filter(c -> c.name().equals(io.smbench.smb.mssmb2.msg.LeaseContext.NAME))
                    .findFirst().map(c -> " " + io.smbench.smb.mssmb2.msg.LeaseContext.stateName(
                            io.smbench.smb.mssmb2.msg.LeaseContext.decode(c.data()).state())).orElse("");
            granted += file.lease().map(l -> " " + io.smbench.smb.mssmb2.msg.LeaseContext.stateName(l.state())).orElse("");
        }
        grants.computeIfAbsent(asked + " -> " + granted, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /** Opens by oplock level or lease state asked and granted, e.g. {"Batch -> LevelII": 3}. */
    public Map<String, Long> grants() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        grants.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }

    public List<String> reconnects() {
        synchronized (reconnects) {
            return List.copyOf(reconnects);
        }
    }

    private CompletableFuture<Long> execute(ClientState state, Operation op) {
        SmbTree tree = state.tree;
        return switch (op.kind()) {
            case Open -> {
                io.smbench.smb.mssmb2.msg.CreateRequest create = OpenMapper.toCreate(op);
                yield tree.create(create).thenApply(file -> {
                    countGrant(create, file);
                    state.handles.put(op.text("handle_ref"), file);
                    state.opened.put(op.text("handle_ref"), create);
                    return 0L;
                });
            }
            case Close -> handle(state, op).close().thenApply(closed -> {
                state.handles.remove(op.text("handle_ref"));
                state.opened.remove(op.text("handle_ref"));
                return 0L;
            });
            case Read -> handle(state, op).read(op.number("offset", 0), (int) op.number("length", 0)).thenApply(data -> {
                long length = data.readableBytes();
                data.release();
                return length;
            });
            case Write -> {
                int length = (int) op.number("length", 0);
                long offset = op.number("offset", 0);
                ByteBuf data = writeData.bytes(op.text("blob_path"), offset, length);
                yield handle(state, op).write(offset, data);
            }
            case Flush -> handle(state, op).flush().thenApply(ok -> 0L);
            case SetInfo -> {
                int infoType = InfoClasses.INFO_TYPE.getOrDefault(op.text("info_type"), 1);
                yield handle(state, op).setInfo(infoType, Math.max(infoClassOf(op, infoType), 0), inputOf(op),
                        (int) numberOrHex(op, "additional_information")).thenApply(ok -> 0L);
            }
            case Fsctl, Ioctl -> ioctl(state, op);
            case Lock -> handle(state, op).lock(List.of(new io.smbench.smb.mssmb2.msg.LockRequest.Element(
                    op.number("offset", 0), op.number("length", 0),
                    (op.flag("exclusive", true) ? io.smbench.smb.mssmb2.msg.LockRequest.EXCLUSIVE
                            : io.smbench.smb.mssmb2.msg.LockRequest.SHARED)
                            | (op.flag("fail_immediately", false) ? io.smbench.smb.mssmb2.msg.LockRequest.FAIL_IMMEDIATELY
                                    : 0)))).thenApply(ok -> 0L);
            case Unlock -> handle(state, op).lock(List.of(new io.smbench.smb.mssmb2.msg.LockRequest.Element(
                    op.number("offset", 0), op.number("length", 0), io.smbench.smb.mssmb2.msg.LockRequest.UNLOCK)))
                    .thenApply(ok -> 0L);
            case ChangeNotify -> {
                // A notify waits for a change; in a replay it waits at most notify_timeout_ms (default
                // 5 s) and is then cancelled, so a quiet directory cannot stall its client forever.
                io.smbench.smb.client.PendingNotify notify = handle(state, op).changeNotify(
                        OpenMapper.mask(op.toJson().path("completion_filter"), NOTIFY_FILTER),
                        op.flag("watch_tree", false), config.requestTimeout());
                long waitMs = op.number("notify_timeout_ms", 5_000);
                CompletableFuture.delayedExecutor(waitMs, TimeUnit.MILLISECONDS).execute(notify::cancel);
                yield notify.result().thenApply(changes -> (long) changes.length);
            }
            case Delete -> tree.delete(op.text("path")).thenApply(ok -> 0L);
            case Rename -> tree.rename(op.text("path"), op.text("new_path"), op.flag("replace_if_exists", false))
                    .thenApply(ok -> 0L);
            case Mkdir -> tree.mkdir(op.text("path")).thenApply(ok -> 0L);
            case Rmdir -> tree.rmdir(op.text("path")).thenApply(ok -> 0L);
            case QueryDirectory -> {
                int infoClass = infoClassOf(op, 1);
                yield tree.list(op.text("path"), op.text("pattern"), infoClass > 0 ? infoClass
                        : io.smbench.smb.mssmb2.msg.QueryDirectoryRequest.FILE_ID_BOTH_DIRECTORY_INFORMATION)
                        .thenApply(entries -> 0L);
            }
            case QueryInfo -> {
                int infoType = InfoClasses.INFO_TYPE.getOrDefault(op.text("info_type"), 1);
                int infoClass = infoClassOf(op, infoType);
                yield handle(state, op).queryInfo(infoType, Math.max(infoClass, 0), (int) op.number("output_length", 4096),
                        (int) numberOrHex(op, "additional_information")).thenApply(data -> (long) data.length);
            }
            default -> CompletableFuture.failedFuture(new UnsupportedOperation(op.kind().name()));
        };
    }

    /** info_class as a class name or a number (docs/workload-ir.md). */
    private static int infoClassOf(Operation op, int infoType) {
        String name = op.text("info_class");
        return name != null ? InfoClasses.infoClass(infoType, name) : (int) op.number("info_class", -1);
    }

    /**
     * Fsctl and Ioctl. A server-side copy cannot be replayed with the captured bytes: their resume
     * key named an open of the captured server (MS-SMB2 2.2.31.1 SourceKey). So the replay keeps
     * the keys its own server hands out for FSCTL_SRV_REQUEST_RESUME_KEY and writes, into
     * FSCTL_SRV_COPYCHUNK(_WRITE), the key of {@code source_handle_ref}, or else the client's
     * latest one, as a Windows client copies right after asking for the key.
     */
    private CompletableFuture<Long> ioctl(ClientState state, Operation op) {
        int code = (int) numberOrHex(op, "ctl_code");
        boolean fsctl = op.kind() == io.smbench.engine.ir.OperationKind.Fsctl;
        byte[] input = inputOf(op);
        if (fsctl && (code == io.smbench.smb.mssmb2.fsctl.FsctlCodes.SRV_COPYCHUNK
                || code == io.smbench.smb.mssmb2.fsctl.FsctlCodes.SRV_COPYCHUNK_WRITE)) {
            input = withLiveResumeKey(state, op, input);
        }
        String handleRef = op.text("handle_ref");
        return handle(state, op).ioctl(code, input, (int) op.number("max_output", 65_536), fsctl).thenApply(output -> {
            if (fsctl && code == io.smbench.smb.mssmb2.fsctl.FsctlCodes.SRV_REQUEST_RESUME_KEY) {
                io.smbench.smb.mssmb2.fsctl.ResumeKey key = io.smbench.smb.mssmb2.fsctl.ResumeKey.decode(output);
                synchronized (state) {
                    state.resumeKeys.put(handleRef, key);
                }
                state.lastResumeKey = key;
            }
            return (long) output.length;
        });
    }

    static byte[] withLiveResumeKey(Object lock, Map<String, io.smbench.smb.mssmb2.fsctl.ResumeKey> keys,
            io.smbench.smb.mssmb2.fsctl.ResumeKey latest, String source, byte[] input) {
        io.smbench.smb.mssmb2.fsctl.ResumeKey key;
        synchronized (lock) {
            key = source != null ? keys.get(source) : latest;
        }
        if (key == null || input.length < io.smbench.smb.mssmb2.fsctl.ResumeKey.LENGTH) {
            return input; // nothing to substitute: the server judges the captured bytes
        }
        byte[] live = input.clone();
        System.arraycopy(key.bytes(), 0, live, 0, io.smbench.smb.mssmb2.fsctl.ResumeKey.LENGTH);
        return live;
    }

    private static byte[] withLiveResumeKey(ClientState state, Operation op, byte[] input) {
        return withLiveResumeKey(state, state.resumeKeys, state.lastResumeKey, op.text("source_handle_ref"), input);
    }

    /** The request input of Fsctl, Ioctl and SetInfo: {@code input} in hex or the {@code input_blob} file. */
    private byte[] inputOf(Operation op) {
        String hex = op.text("input");
        if (hex != null) {
            return java.util.HexFormat.of().parseHex(hex);
        }
        String blob = op.text("input_blob");
        if (blob == null) {
            return new byte[0];
        }
        ByteBuf bytes = writeData.whole(blob);
        return io.netty.buffer.ByteBufUtil.getBytes(bytes);
    }

    /** An integer field written as a number or as a hex string ("0x00090078"). */
    private static long numberOrHex(Operation op, String field) {
        String text = op.text(field);
        if (text != null && text.regionMatches(true, 0, "0x", 0, 2)) {
            return Long.parseLong(text.substring(2), 16);
        }
        return op.number(field, 0);
    }

    /** FILE_NOTIFY_CHANGE_* bits (MS-SMB2 2.2.35 CompletionFilter) by IR name. */
    private static final Map<String, Integer> NOTIFY_FILTER = Map.ofEntries(Map.entry("FileName", 0x1),
            Map.entry("DirName", 0x2), Map.entry("Attributes", 0x4), Map.entry("Size", 0x8),
            Map.entry("LastWrite", 0x10), Map.entry("LastAccess", 0x20), Map.entry("Creation", 0x40),
            Map.entry("Ea", 0x80), Map.entry("Security", 0x100), Map.entry("StreamName", 0x200),
            Map.entry("StreamSize", 0x400), Map.entry("StreamWrite", 0x800));

    private SmbFile handle(ClientState state, Operation op) {
        String ref = op.text("handle_ref");
        SmbFile file = state.handles.get(ref);
        if (file == null) {
            violations.add(op.opId() + ": handle '" + ref + "' is not open (its Open failed or it was closed)");
            throw new IllegalStateException("handle " + ref + " is not open");
        }
        return file;
    }

    private static int statusOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SmbStatusException status) {
            return status.status();
        }
        if (cause instanceof RequestTimeoutException) {
            return CompletionSink.TIMEOUT;
        }
        if (cause instanceof ConnectionClosedException) {
            return CompletionSink.CONNECTION_LOST;
        }
        if (cause instanceof UnsupportedOperation) {
            return CompletionSink.UNSUPPORTED;
        }
        return CompletionSink.CLIENT_ERROR;
    }

    @Override
    public List<String> finish(int clientIndex) {
        ClientState state = clients[clientIndex];
        List<String> leaked = new ArrayList<>(state.handles.keySet());
        for (SmbFile file : state.handles.values()) {
            try {
                file.close().get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // The server will drop the open with the session; the report already names the leak.
            }
        }
        state.handles.clear();
        if (state.session != null && state.connection.isOpen()) {
            try {
                state.session.logoff().get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Closing the connection after its last client ends the session anyway.
            }
        }
        state.shared.clientFinished();
        return leaked;
    }

    /** The tree of an opened client (tests provision through it). */
    SmbTree treeOf(int clientIndex) {
        return clients[clientIndex].tree;
    }

    /** Handles used while not open, as "op_id: ..." lines. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    @Override
    public void close() {
        credentials.clear();
    }

    @Override
    public String name() {
        return "smb";
    }

    /** An IR operation this backend does not execute yet; reported as UNSUPPORTED, never silently skipped. */
    static final class UnsupportedOperation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedOperation(String kind) {
            super(kind + " is not executed by the SMB backend yet");
        }
    }
}

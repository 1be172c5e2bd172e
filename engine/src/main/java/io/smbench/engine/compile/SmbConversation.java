package io.smbench.engine.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.smb.mserref.NtStatus;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One SMB connection of a capture: matches each request to its final response by MessageId
 * (MS-SMB2 3.2.5.1.2; interim STATUS_PENDING responses are skipped, 3.2.5.1.5), splits compounds
 * (resolving related FileIds, 3.2.4.1.4), names FileIds as handle_refs, and emits IR operations in
 * request order with the response's status as expected_status.
 */
final class SmbConversation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RELATED = -1L;

    private final String connectionId;
    private final ClientRegistry clients;
    private final long originNanos;
    private final CompileSummary summary;
    private final OperationSink out;
    private boolean keepWriteData;
    private final Map<Long, Slot> byMessageId = new HashMap<>();
    private final ArrayDeque<Slot> inOrder = new ArrayDeque<>();
    private final Map<String, String> handles = new HashMap<>();
    private final Map<String, String> handlePaths = new HashMap<>();
    private final Map<Long, String> trees = new HashMap<>();

    /** Receives operations in request order, each WRITE with its data when asked to keep it. */
    interface OperationSink {
        void operation(ObjectNode op, CapturedBytes writeData);
    }

    /** A request awaiting its response, in request order. */
    private static final class Slot {
        byte[] request;
        int offset;
        long timestampNanos;
        long packetNumber;
        Slot previousInChain;
        String fileKey; // FileId this request used or (CREATE) obtained
        ObjectNode op;
        CapturedBytes writeData;
        boolean done;
    }

    /** {@code conn001}..., in order of the connections' first packets. */
    String connectionId() {
        return connectionId;
    }

    private SessionDecryptor decryptor = new SessionDecryptor(SessionKeyTable.none());

    /** Decrypts this connection's SMB3 transform messages with the user's session keys. */
    void decryptWith(SessionKeyTable keys) {
        this.decryptor = new SessionDecryptor(keys);
    }

    /** The message as SMB2 plaintext: itself, decrypted, or null (counted) when it cannot be read. */
    private byte[] readable(byte[] message, boolean fromClient) {
        if ((message[0] & 0xFF) == 0xFE) {
            decryptor.observe(message, fromClient);
            return message;
        }
        if ((message[0] & 0xFF) == 0xFD) {
            byte[] plain = decryptor.decrypt(message, fromClient);
            if (plain != null) {
                summary.decryptedMessages++;
                return plain;
            }
        }
        summary.encryptedMessages++;
        return null;
    }

    /** Hands each WRITE's data to the sink with its operation (compile --extract-data). */
    void keepWriteData(boolean keep) {
        this.keepWriteData = keep;
    }

    SmbConversation(String connectionId, ClientRegistry clients, long originNanos, CompileSummary summary,
            OperationSink out) {
        this.connectionId = connectionId;
        this.clients = clients;
        this.originNanos = originNanos;
        this.summary = summary;
        this.out = out;
    }

    void clientMessage(byte[] received, long packetNumber, long timestampNanos) {
        byte[] message = readable(received, true);
        if (message == null) {
            return;
        }
        Slot previous = null;
        for (int at = 0; at >= 0;) {
            summary.smb2Messages++;
            if (at + 64 > message.length) {
                summary.count(summary.unparseable, "request shorter than a header");
                return;
            }
            Slot slot = new Slot();
            slot.request = message;
            slot.offset = at;
            slot.timestampNanos = timestampNanos;
            slot.packetNumber = packetNumber;
            long flags = Le.u32(message, at + 16);
            slot.previousInChain = (flags & 0x4) != 0 ? previous : null;
            byMessageId.put(Le.u64(message, at + 24), slot);
            inOrder.add(slot);
            previous = slot;
            long next = Le.u32(message, at + 20);
            at = next == 0 || at + next >= message.length ? -1 : (int) (at + next);
        }
    }

    void serverMessage(byte[] received, long packetNumber, long timestampNanos) {
        byte[] message = readable(received, false);
        if (message == null) {
            return;
        }
        for (int at = 0; at >= 0;) {
            summary.smb2Messages++;
            if (at + 64 > message.length) {
                summary.count(summary.unparseable, "response shorter than a header");
                return;
            }
            int status = (int) Le.u32(message, at + 8);
            long flags = Le.u32(message, at + 16);
            long messageId = Le.u64(message, at + 24);
            int command = Le.u16(message, at + 12);
            if (messageId == -1L) {
                summary.count(summary.sessionLevel, "OPLOCK_BREAK notification");
            } else if (!((flags & 0x2) != 0 && status == NtStatus.STATUS_PENDING)) {
                Slot slot = byMessageId.remove(messageId);
                if (slot == null) {
                    summary.unmatchedResponses++;
                } else {
                    try {
                        slot.op = toOperation(slot, command, status, message, at);
                        if (slot.op != null) {
                            // From the request to the final response (an interim STATUS_PENDING is not the answer).
                            slot.op.put("captured_latency_us", Math.max(0, (timestampNanos - slot.timestampNanos) / 1000));
                        }
                    } catch (UnknownHandle e) {
                        summary.count(summary.notExpressed, commandName(command)
                                + " on a handle opened before the capture started");
                    } catch (RuntimeException e) {
                        summary.count(summary.unparseable, commandName(command));
                    }
                    slot.done = true;
                }
            }
            long next = Le.u32(message, at + 20);
            at = next == 0 || at + next >= message.length ? -1 : (int) (at + next);
        }
        flush(false);
    }

    /** Emits finished operations in request order; with {@code end}, gives up on unanswered ones. */
    void flush(boolean end) {
        while (!inOrder.isEmpty() && (inOrder.peek().done || end)) {
            Slot slot = inOrder.poll();
            if (!slot.done) {
                summary.unmatchedRequests++;
                continue;
            }
            if (slot.op != null) {
                out.operation(slot.op, slot.writeData);
            }
        }
    }

    private ObjectNode toOperation(Slot slot, int command, int status, byte[] response, int responseAt) {
        byte[] q = slot.request;
        int body = slot.offset + 64;
        long treeId = Le.u32(q, slot.offset + 36);
        long sessionId = Le.u64(q, slot.offset + 40);
        switch (command) {
            case 0x0001 -> { // SESSION_SETUP: the user, for --clients-by user
                sessionSetup(slot, q, body, status, response, responseAt);
                summary.count(summary.sessionLevel, "SESSION_SETUP");
                return null;
            }
            case 0x0003 -> { // TREE_CONNECT: remember the share of the tree
                int off = Le.u16(q, body + 4);
                String path = Le.utf16(q, slot.offset + off, Le.u16(q, body + 6));
                trees.put(Le.u32(response, responseAt + 36), path.substring(path.lastIndexOf('\\') + 1));
                summary.count(summary.sessionLevel, "TREE_CONNECT");
                return null;
            }
            case 0x0000, 0x0002, 0x0004, 0x000C, 0x000D, 0x0012 -> {
                summary.count(summary.sessionLevel, commandName(command));
                return null;
            }
            default -> { }
        }
        if ("IPC$".equalsIgnoreCase(trees.get(treeId))) {
            summary.count(summary.notExpressed, commandName(command) + " on IPC$ (named pipes)");
            return null;
        }
        if (command == 0x0005 && reclaimed(slot, q, body, status, response, responseAt, sessionId)) {
            return null;
        }
        String client = clients.clientOf(connectionId, sessionId);
        ObjectNode op = JSON.createObjectNode();
        op.put("op_id", clients.nextOpId(client, connectionId, sessionId));
        op.put("client_id", client);
        op.put("timestamp_us", Math.max(0, (slot.timestampNanos - originNanos) / 1000));
        op.put("capture_frame", slot.packetNumber);
        switch (command) {
            case 0x0005 -> create(op, client, slot, q, body, status, response, responseAt);
            case 0x0006 -> {
                handleOp(op, "Close", slot, q, body + 8);
                if (status == NtStatus.STATUS_SUCCESS) {
                    clients.durableClosed(slot.fileKey);
                }
            }
            case 0x0007 -> handleOp(op, "Flush", slot, q, body + 8);
            case 0x0008 -> {
                handleOp(op, "Read", slot, q, body + 16);
                op.put("offset", Le.u64(q, body + 8));
                op.put("length", Le.u32(q, body + 4));
            }
            case 0x0009 -> { // MS-SMB2 2.2.21: DataOffset (2, from the header) at 2, Length (4) at 4, Offset (8) at 8
                handleOp(op, "Write", slot, q, body + 16);
                op.put("offset", Le.u64(q, body + 8));
                op.put("length", Le.u32(q, body + 4));
                if (keepWriteData) {
                    int dataAt = slot.offset + Le.u16(q, body + 2);
                    long length = Le.u32(q, body + 4);
                    if (dataAt >= body + 48 && dataAt + length <= q.length) {
                        slot.writeData = new CapturedBytes(q, dataAt, (int) length);
                    } else { // e.g. an RDMA channel write: the data never crossed this TCP stream
                        summary.count(summary.notExpressed, "WRITE data outside its message (no blob: generated data)");
                    }
                }
            }
            case 0x000A -> {
                long flags = Le.u32(q, body + 24 + 16);
                handleOp(op, (flags & 0x4) != 0 ? "Unlock" : "Lock", slot, q, body + 8);
                op.put("offset", unsigned64(Le.u64(q, body + 24)));
                op.put("length", unsigned64(Le.u64(q, body + 32)));
                if ((flags & 0x4) == 0) {
                    op.put("exclusive", (flags & 0x2) != 0);
                    op.put("fail_immediately", (flags & 0x10) != 0);
                }
            }
            case 0x000B -> {
                long ctl = Le.u32(q, body + 4);
                if (ctl == 0x00140204L) {
                    summary.count(summary.sessionLevel, "FSCTL_VALIDATE_NEGOTIATE_INFO");
                    return null;
                }
                boolean fsctl = (Le.u32(q, body + 48) & 1) != 0;
                handleOp(op, fsctl ? "Fsctl" : "Ioctl", slot, q, body + 8);
                op.put("ctl_code", String.format("0x%08X", ctl));
                int inOff = (int) Le.u32(q, body + 24);
                int inLen = (int) Le.u32(q, body + 28);
                if (inLen > 0) {
                    op.put("input", java.util.HexFormat.of().formatHex(q, slot.offset + inOff, slot.offset + inOff + inLen));
                }
                op.put("max_output", Le.u32(q, body + 44));
            }
            case 0x000E -> {
                if ((Le.u8(q, body + 3) & 0x01) == 0 && Le.u32(q, body + 4) == 0 && handles.containsKey(fileKey(q, body + 8))
                        && isContinuation(slot, q, body)) {
                    summary.count(summary.notExpressed, "QUERY_DIRECTORY continuation (folded into the first)");
                    return null;
                }
                String handle = resolve(slot, q, body + 8);
                op.put("operation", "QueryDirectory");
                op.put("path", handlePaths.getOrDefault(handle, "/"));
                int off = Le.u16(q, body + 24);
                op.put("pattern", Le.utf16(q, slot.offset + off, Le.u16(q, body + 26)));
                op.put("info_class", Le.u8(q, body + 2)); // FileInformationClass (MS-SMB2 2.2.33)
                markListed(slot, q, body);
            }
            case 0x000F -> {
                handleOp(op, "ChangeNotify", slot, q, body + 8);
                op.put("completion_filter", Le.u32(q, body + 24));
                op.put("watch_tree", (Le.u16(q, body + 2) & 1) != 0);
            }
            case 0x0010 -> {
                handleOp(op, "QueryInfo", slot, q, body + 24);
                op.put("info_type", infoType(Le.u8(q, body + 2)));
                op.put("info_class", Le.u8(q, body + 3));
                op.put("output_length", Le.u32(q, body + 4));
            }
            case 0x0011 -> {
                handleOp(op, "SetInfo", slot, q, body + 16);
                op.put("info_type", infoType(Le.u8(q, body + 2)));
                op.put("info_class", Le.u8(q, body + 3));
                int len = (int) Le.u32(q, body + 4);
                int off = Le.u16(q, body + 8);
                op.put("input", java.util.HexFormat.of().formatHex(q, slot.offset + off, slot.offset + off + len));
            }
            default -> {
                summary.count(summary.notExpressed, commandName(command));
                return null;
            }
        }
        op.put("expected_status", NtStatus.describe(status));
        return op;
    }

    private final java.util.Set<String> listed = new java.util.HashSet<>();

    private boolean isContinuation(Slot slot, byte[] q, int body) {
        return listed.contains(fileKey(q, body + 8));
    }

    private void markListed(Slot slot, byte[] q, int body) {
        listed.add(fileKey(q, body + 8));
    }

    /** The user of a successful SESSION_SETUP's NTLM AUTHENTICATE_MESSAGE, for the SessionId the server gave. */
    private void sessionSetup(Slot slot, byte[] q, int body, int status, byte[] r, int rAt) {
        if (status != NtStatus.STATUS_SUCCESS) {
            return; // STATUS_MORE_PROCESSING_REQUIRED legs carry NEGOTIATE/CHALLENGE, not the user
        }
        int from = slot.offset + Le.u16(q, body + 12); // SecurityBufferOffset (MS-SMB2 2.2.5)
        int to = Math.min(q.length, from + Le.u16(q, body + 14));
        String user = NtlmUserName.find(q, from, to);
        if (user != null) {
            clients.sessionUser(Le.u64(r, rAt + 40), user);
        }
    }

    /**
     * A CREATE reclaiming a durable open (DHnC, MS-SMB2 2.2.13.2.4; DH2C, 2.2.13.2.12: the original
     * FileId first) whose original CREATE is in the capture: no operation is written, since the
     * replaying client reclaims its own durable opens when its connection drops; the FileId the
     * server returns maps to the original handle_ref, so what follows uses the same handle. False
     * when the CREATE is to be written as an ordinary Open.
     */
    private boolean reclaimed(Slot slot, byte[] q, int body, int status, byte[] r, int rAt, long sessionId) {
        int dataAt = contextData(slot, q, body, "DHnC", "DH2C");
        if (dataAt < 0) {
            return false;
        }
        String original = fileKey(q, dataAt);
        ClientRegistry.DurableOpen open = clients.reclaim(original, connectionId, sessionId);
        if (open == null) {
            summary.count(summary.notExpressed, "durable reconnect of an open created before the capture "
                    + "(written as a new Open)");
            return false;
        }
        if (!open.client().equals(clients.clientOf(connectionId, sessionId))) {
            summary.count(summary.notExpressed, "durable reconnect by a client that already has other operations "
                    + "(written as a new Open)");
            return false;
        }
        if (status != NtStatus.STATUS_SUCCESS) {
            summary.count(summary.sessionLevel, "CREATE durable reconnect refused by the server");
            return true;
        }
        String key = fileKey(r, rAt + 64 + 64);
        handles.put(key, open.handleRef());
        handlePaths.put(open.handleRef(), open.path());
        slot.fileKey = key;
        clients.durableClosed(original);
        clients.durableOpened(key, open);
        summary.count(summary.sessionLevel, "CREATE durable reconnect (original handle_ref kept)");
        return true;
    }

    /** Where the data of the first create context with one of these names starts, or -1. */
    private static int contextData(Slot slot, byte[] q, int body, String... names) {
        int ctxOff = (int) Le.u32(q, body + 48);
        int ctxLen = (int) Le.u32(q, body + 52);
        for (int at = slot.offset + ctxOff; ctxLen > 0 && at + 16 <= slot.offset + ctxOff + ctxLen;) {
            long next = Le.u32(q, at);
            String ctx = new String(q, at + Le.u16(q, at + 4), Le.u16(q, at + 6), java.nio.charset.StandardCharsets.US_ASCII);
            for (String name : names) {
                if (name.equals(ctx)) {
                    return at + Le.u16(q, at + 10);
                }
            }
            if (next == 0) {
                break;
            }
            at += (int) next;
        }
        return -1;
    }

    private void create(ObjectNode op, String client, Slot slot, byte[] q, int body, int status, byte[] r, int rAt) {
        int nameOff = Le.u16(q, body + 44);
        String name = Le.utf16(q, slot.offset + nameOff, Le.u16(q, body + 46));
        String path = "/" + name.replace('\\', '/');
        long access = Le.u32(q, body + 24);
        boolean reads = (access & (0x80000000L | 0x10000000L | 0x1)) != 0;
        boolean writes = (access & (0x40000000L | 0x10000000L | 0x2 | 0x4)) != 0;
        op.put("operation", "Open");
        op.put("path", path);
        op.put("mode", reads && writes ? "ReadWrite" : writes ? "Write" : "Read");
        String handle = clients.nextHandleRef(client);
        op.put("handle_ref", handle);
        ObjectNode ext = op.putObject("extensions");
        ext.put("desired_access", access);
        ext.put("share_access", Le.u32(q, body + 32));
        String[] dispositions = {"Supersede", "Open", "Create", "OpenIf", "Overwrite", "OverwriteIf"};
        long disposition = Le.u32(q, body + 36);
        ext.put("create_disposition", disposition < 6 ? dispositions[(int) disposition] : "OpenIf");
        ext.put("create_options", Le.u32(q, body + 40));
        int oplock = Le.u8(q, body + 3);
        if (oplock != 0xFF) {
            ext.put("oplock_level", switch (oplock) {
                case 0x01 -> "LevelII";
                case 0x08 -> "Exclusive";
                case 0x09 -> "Batch";
                default -> "None";
            });
        }
        int ctxOff = (int) Le.u32(q, body + 48);
        int ctxLen = (int) Le.u32(q, body + 52);
        for (int at = slot.offset + ctxOff; ctxLen > 0 && at + 16 <= slot.offset + ctxOff + ctxLen;) {
            long next = Le.u32(q, at);
            String ctx = new String(q, at + Le.u16(q, at + 4), Le.u16(q, at + 6), java.nio.charset.StandardCharsets.US_ASCII);
            int dataAt = at + Le.u16(q, at + 10);
            long dataLen = Le.u32(q, at + 12);
            switch (ctx) {
                case "RqLs" -> {
                    if (Le.u32(q, dataAt + 16) == 0) {
                        // A lease asking for no caching: IR v1 has no empty lease state; nothing is cached either way.
                        summary.count(summary.notExpressed, "lease request with state None (written as oplock None)");
                        ext.put("oplock_level", "None");
                        break;
                    }
                    ObjectNode lease = ext.putObject("lease");
                    lease.put("state", io.smbench.smb.mssmb2.msg.LeaseContext.stateName((int) Le.u32(q, dataAt + 16)));
                    lease.put("key", java.util.HexFormat.of().formatHex(q, dataAt, dataAt + 16));
                    lease.put("version", dataLen >= 52 ? 2 : 1);
                    if (dataLen >= 52 && (Le.u32(q, dataAt + 20) & 0x4) != 0) {
                        lease.put("parent_key", java.util.HexFormat.of().formatHex(q, dataAt + 32, dataAt + 48));
                    }
                }
                case "DHnQ" -> ext.putObject("durable").put("version", "v1");
                case "DH2Q" -> {
                    ObjectNode durable = ext.putObject("durable");
                    durable.put("version", "v2");
                    durable.put("timeout_ms", Le.u32(q, dataAt));
                    durable.put("persistent", (Le.u32(q, dataAt + 4) & 0x2) != 0);
                }
                default -> { }
            }
            if (next == 0) {
                break;
            }
            at += (int) next;
        }
        if (status == NtStatus.STATUS_SUCCESS) {
            String key = fileKey(r, rAt + 64 + 64);
            handles.put(key, handle);
            handlePaths.put(handle, path);
            slot.fileKey = key;
            if (ext.has("durable")) {
                clients.durableOpened(key, new ClientRegistry.DurableOpen(client, handle, path));
            }
        }
    }

    private void handleOp(ObjectNode op, String kind, Slot slot, byte[] q, int fileIdAt) {
        op.put("operation", kind);
        op.put("handle_ref", resolve(slot, q, fileIdAt));
    }

    /** The handle_ref of the FileId at {@code fileIdAt}; a related request's all-ones FileId is its chain's. */
    private String resolve(Slot slot, byte[] q, int fileIdAt) {
        String key = fileKey(q, fileIdAt);
        if (Le.u64(q, fileIdAt) == RELATED && Le.u64(q, fileIdAt + 8) == RELATED) {
            for (Slot s = slot.previousInChain; s != null; s = s.previousInChain) {
                if (s.fileKey != null) {
                    key = s.fileKey;
                    break;
                }
            }
        }
        slot.fileKey = key;
        String handle = handles.get(key);
        if (handle == null) {
            throw new UnknownHandle();
        }
        return handle;
    }

    /** The request names a FileId whose CREATE is not in the capture. */
    private static final class UnknownHandle extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownHandle() {
            super(null, null, false, false);
        }
    }

    private static String fileKey(byte[] b, int at) {
        return Long.toHexString(Le.u64(b, at)) + ":" + Long.toHexString(Le.u64(b, at + 8));
    }

    /** A 64-bit unsigned lock offset or length; values past 2^63 - 1 (whole-file locks) are clamped. */
    private long unsigned64(long value) {
        if (value < 0) {
            summary.count(summary.notExpressed, "lock range past 2^63-1 (clamped)");
            return Long.MAX_VALUE;
        }
        return value;
    }

    private static String infoType(int type) {
        return switch (type) {
            case 1 -> "File";
            case 2 -> "FileSystem";
            case 3 -> "Security";
            case 4 -> "Quota";
            default -> Integer.toString(type);
        };
    }

    static String commandName(int command) {
        return io.smbench.smb.mssmb2.Smb2Command.name(command);
    }
}

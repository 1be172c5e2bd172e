package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.OplockBreak;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Receives oplock and lease break notifications on one connection (MS-SMB2 3.2.5.19.1, 3.2.5.19.2),
 * finds the open by FileId or the lease by LeaseKey, acknowledges per the {@link BreakPolicy}
 * (2.2.24.1, 2.2.24.2), and reports every break. A break from Level II to None, and a lease break
 * without SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED, need no acknowledgment.
 */
final class OplockBreakHandler implements UnsolicitedMessageListener {
    /** An open the server may break: where to send its acknowledgment. */
    record OpenEntry(String path, long sessionId, int treeId, boolean encrypt, int oplockLevel) {}

    private final SmbConnection connection;
    private final ConcurrentHashMap<FileId, OpenEntry> opens = new ConcurrentHashMap<>();

    /** A lease the server may break: where to send its acknowledgment, and its current state. */
    record LeaseEntry(String path, long sessionId, int treeId, boolean encrypt, int state, int opens) {}

    private final ConcurrentHashMap<String, LeaseEntry> leases = new ConcurrentHashMap<>();

    void registerLease(byte[] key, LeaseEntry entry) {
        leases.merge(java.util.HexFormat.of().formatHex(key), entry, (old, added) -> new LeaseEntry(added.path(),
                added.sessionId(), added.treeId(), added.encrypt(), added.state(), old.opens() + 1));
    }

    void releaseLease(byte[] key) {
        leases.computeIfPresent(java.util.HexFormat.of().formatHex(key), (k, old) -> old.opens() <= 1 ? null
                : new LeaseEntry(old.path(), old.sessionId(), old.treeId(), old.encrypt(), old.state(), old.opens() - 1));
    }
    private volatile BreakPolicy policy = BreakPolicy.IMMEDIATE;
    private volatile Consumer<BreakEvent> listener = event -> { };

    OplockBreakHandler(SmbConnection connection) {
        this.connection = connection;
    }

    void register(FileId fileId, OpenEntry entry) {
        if (entry.oplockLevel() != 0) {
            opens.put(fileId, entry);
        }
    }

    void unregister(FileId fileId) {
        opens.remove(fileId);
    }

    void policy(BreakPolicy value) {
        this.policy = value;
    }

    void listener(Consumer<BreakEvent> value) {
        this.listener = value;
    }

    @Override
    public void onUnsolicited(Smb2Response message) {
        try (message) {
            if (message.command() != Smb2Command.OPLOCK_BREAK) {
                return;
            }
            if (OplockBreak.structureSize(message.message()) == OplockBreak.LEASE_BREAK_STRUCTURE_SIZE) {
                onLeaseBreak(io.smbench.smb.mssmb2.msg.LeaseBreak.decode(message.message()));
                return;
            }
            OplockBreak notification = OplockBreak.decode(message.message());
            long received = System.nanoTime();
            OpenEntry open = opens.get(notification.fileId());
            if (open == null) {
                listener.accept(new BreakEvent("oplock", "(unknown FileId " + notification.fileId() + ")", "?",
                        BreakEvent.levelName(notification.oplockLevel()), -1, received, "no matching open", 0));
                return;
            }
            opens.put(notification.fileId(), new OpenEntry(open.path(), open.sessionId(), open.treeId(), open.encrypt(),
                    notification.oplockLevel()));
            if (open.oplockLevel() == 0x01 && notification.oplockLevel() == 0x00) {
                listener.accept(oplockEvent(open, notification, received, "not needed (Level II to None)"));
                return;
            }
            BreakPolicy current = policy;
            switch (current.mode()) {
                case NEVER -> listener.accept(oplockEvent(open, notification, received, "never (policy)"));
                case IMMEDIATE -> {
                    acknowledge(open.sessionId(), open.treeId(), open.encrypt(),
                            new OplockBreak(notification.oplockLevel(), notification.fileId()));
                    listener.accept(oplockEvent(open, notification, received, "immediately"));
                }
                case DELAYED -> {
                    connection.channel().eventLoop().schedule(() -> acknowledge(open.sessionId(), open.treeId(),
                            open.encrypt(), new OplockBreak(notification.oplockLevel(), notification.fileId())),
                            current.delay().toNanos(), TimeUnit.NANOSECONDS);
                    listener.accept(oplockEvent(open, notification, received,
                            "after " + current.delay().toMillis() + " ms"));
                }
            }
        }
    }

    private static BreakEvent oplockEvent(OpenEntry open, OplockBreak notification, long received, String how) {
        return new BreakEvent("oplock", open.path(), BreakEvent.levelName(open.oplockLevel()),
                BreakEvent.levelName(notification.oplockLevel()), -1, received, how, open.sessionId());
    }

    private void onLeaseBreak(io.smbench.smb.mssmb2.msg.LeaseBreak notification) {
        long received = System.nanoTime();
        String key = java.util.HexFormat.of().formatHex(notification.leaseKey());
        LeaseEntry lease = leases.get(key);
        String from = io.smbench.smb.mssmb2.msg.LeaseContext.stateName(notification.currentState());
        String to = io.smbench.smb.mssmb2.msg.LeaseContext.stateName(notification.newState());
        if (lease == null) {
            listener.accept(new BreakEvent("lease", "(unknown lease key " + key + ")", from, to,
                    notification.newEpoch(), received, "no matching lease", 0));
            return;
        }
        leases.put(key, new LeaseEntry(lease.path(), lease.sessionId(), lease.treeId(), lease.encrypt(),
                notification.newState(), lease.opens()));
        if ((notification.flags() & io.smbench.smb.mssmb2.msg.LeaseBreak.ACK_REQUIRED) == 0) {
            listener.accept(new BreakEvent("lease", lease.path(), from, to, notification.newEpoch(), received,
                    "not needed (no ACK_REQUIRED)", lease.sessionId()));
            return;
        }
        var ack = new io.smbench.smb.mssmb2.msg.LeaseBreak.Ack(notification.leaseKey(), notification.newState());
        BreakPolicy current = policy;
        switch (current.mode()) {
            case NEVER -> listener.accept(new BreakEvent("lease", lease.path(), from, to, notification.newEpoch(),
                    received, "never (policy)", lease.sessionId()));
            case IMMEDIATE -> {
                acknowledge(lease.sessionId(), lease.treeId(), lease.encrypt(), ack);
                listener.accept(new BreakEvent("lease", lease.path(), from, to, notification.newEpoch(), received,
                        "immediately", lease.sessionId()));
            }
            case DELAYED -> {
                connection.channel().eventLoop().schedule(() -> acknowledge(lease.sessionId(), lease.treeId(),
                        lease.encrypt(), ack), current.delay().toNanos(), TimeUnit.NANOSECONDS);
                listener.accept(new BreakEvent("lease", lease.path(), from, to, notification.newEpoch(), received,
                        "after " + current.delay().toMillis() + " ms", lease.sessionId()));
            }
        }
    }

    private void acknowledge(long sessionId, int treeId, boolean encrypt, BodyWriter body) {
        OutgoingRequest ack = OutgoingRequest.of(Smb2Command.OPLOCK_BREAK, sessionId, treeId, 10, body,
                java.time.Duration.ofSeconds(30)).encrypted(encrypt);
        connection.send(ack).whenComplete((response, failure) -> {
            if (response != null) {
                response.close();
            }
        });
    }
}

package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.OplockBreak;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Receives oplock break notifications on one connection (MS-SMB2 3.2.5.19.1), finds the open by
 * FileId, acknowledges per the {@link BreakPolicy} (2.2.24.1), and reports every break.
 * A break from Level II to None needs no acknowledgment (2.2.24.1).
 */
final class OplockBreakHandler implements UnsolicitedMessageListener {
    /** An open the server may break: where to send its acknowledgment. */
    record OpenEntry(String path, long sessionId, int treeId, boolean encrypt, int oplockLevel) {}

    private final SmbConnection connection;
    private final ConcurrentHashMap<FileId, OpenEntry> opens = new ConcurrentHashMap<>();
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
            if (message.command() != Smb2Command.OPLOCK_BREAK
                    || OplockBreak.structureSize(message.message()) != 24) {
                return; // lease breaks (StructureSize 44) arrive once leases are requested (issue 4)
            }
            OplockBreak notification = OplockBreak.decode(message.message());
            long received = System.nanoTime();
            OpenEntry open = opens.get(notification.fileId());
            if (open == null) {
                listener.accept(new BreakEvent("(unknown FileId " + notification.fileId() + ")", -1,
                        notification.oplockLevel(), received, "no matching open"));
                return;
            }
            opens.put(notification.fileId(), new OpenEntry(open.path(), open.sessionId(), open.treeId(), open.encrypt(),
                    notification.oplockLevel()));
            if (open.oplockLevel() == 0x01 && notification.oplockLevel() == 0x00) {
                listener.accept(new BreakEvent(open.path(), open.oplockLevel(), 0, received,
                        "not needed (Level II to None)"));
                return;
            }
            BreakPolicy current = policy;
            switch (current.mode()) {
                case NEVER -> listener.accept(new BreakEvent(open.path(), open.oplockLevel(), notification.oplockLevel(),
                        received, "never (policy)"));
                case IMMEDIATE -> {
                    acknowledge(open, notification);
                    listener.accept(new BreakEvent(open.path(), open.oplockLevel(), notification.oplockLevel(), received,
                            "immediately"));
                }
                case DELAYED -> {
                    connection.channel().eventLoop().schedule(() -> acknowledge(open, notification),
                            current.delay().toNanos(), TimeUnit.NANOSECONDS);
                    listener.accept(new BreakEvent(open.path(), open.oplockLevel(), notification.oplockLevel(), received,
                            "after " + current.delay().toMillis() + " ms"));
                }
            }
        }
    }

    private void acknowledge(OpenEntry open, OplockBreak notification) {
        OutgoingRequest ack = OutgoingRequest.of(Smb2Command.OPLOCK_BREAK, open.sessionId(), open.treeId(), 10,
                new OplockBreak(notification.oplockLevel(), notification.fileId()), java.time.Duration.ofSeconds(30))
                .encrypted(open.encrypt());
        connection.send(ack).whenComplete((response, failure) -> {
            if (response != null) {
                response.close();
            }
        });
    }
}

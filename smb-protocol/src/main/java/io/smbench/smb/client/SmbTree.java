package io.smbench.smb.client;

import io.smbench.smb.mssmb2.Smb2Header;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.IoctlRequest;
import io.smbench.smb.mssmb2.msg.IoctlResponse;
import io.smbench.smb.mssmb2.msg.SimpleRequest;
import io.smbench.smb.mssmb2.msg.TreeConnectResponse;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** A connected share (MS-SMB2 3.2.1.4 Per Tree Connect). */
public final class SmbTree {
    private final SmbSession session;
    private final String share;
    private final int treeId;
    private final TreeConnectResponse response;
    private final boolean encrypt;

    SmbTree(SmbSession session, String share, int treeId, TreeConnectResponse response, boolean encrypt) {
        this.session = session;
        this.share = share;
        this.treeId = treeId;
        this.response = response;
        this.encrypt = encrypt;
    }

    public String share() {
        return share;
    }

    /** The session this tree was connected on. */
    public SmbSession session() {
        return session;
    }

    /**
     * CREATE (MS-SMB2 3.2.4.3): opens or creates {@code request.name()} on this share.
     *
     * @throws SmbStatusException (through the future) with the server's status on failure
     */
    public CompletableFuture<SmbFile> create(io.smbench.smb.mssmb2.msg.CreateRequest request) {
        return session.connection().send(request(Smb2Command.CREATE, request)).thenApply(response -> {
            try (response) {
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbStatusException("CREATE " + request.name() + " failed: "
                            + NtStatus.describe(response.status()), response.status());
                }
                var created = io.smbench.smb.mssmb2.msg.CreateResponse.decode(response.message());
                session.connection().breaks().register(created.fileId(), new OplockBreakHandler.OpenEntry(
                        request.name(), session.sessionId(), treeId, encrypt, created.oplockLevel()));
                byte[] lease = created.context(io.smbench.smb.mssmb2.msg.LeaseContext.NAME);
                if (lease != null) {
                    var granted = io.smbench.smb.mssmb2.msg.LeaseContext.decode(lease);
                    session.connection().breaks().registerLease(granted.key(), new OplockBreakHandler.LeaseEntry(
                            request.name(), session.sessionId(), treeId, encrypt, granted.state(), 1));
                }
                return new SmbFile(this, request.name(), created);
            }
        });
    }

    private static io.smbench.smb.mssmb2.msg.CreateRequest open(String path, int access, int disposition, int options) {
        return new io.smbench.smb.mssmb2.msg.CreateRequest(io.smbench.smb.mssmb2.msg.CreateRequest.OPLOCK_NONE,
                io.smbench.smb.mssmb2.msg.CreateRequest.IMPERSONATION_IMPERSONATION, access,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_ATTRIBUTE_NORMAL,
                io.smbench.smb.mssmb2.msg.CreateRequest.SHARE_READ | io.smbench.smb.mssmb2.msg.CreateRequest.SHARE_WRITE
                        | io.smbench.smb.mssmb2.msg.CreateRequest.SHARE_DELETE,
                disposition, options, SmbPaths.toSmb(path), java.util.List.of());
    }

    /** Creates a directory as Windows does: CREATE with FILE_DIRECTORY_FILE and FILE_CREATE, then CLOSE. */
    public CompletableFuture<Void> mkdir(String path) {
        return create(open(path, io.smbench.smb.mssmb2.msg.CreateRequest.FILE_READ_ATTRIBUTES,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_CREATE,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_DIRECTORY_FILE))
                .thenCompose(SmbFile::close).thenAccept(closed -> { });
    }

    /**
     * Removes an empty directory as Windows does: open it with DELETE access, SET_INFO
     * FileDispositionInformation (DeletePending = 1), CLOSE. A non-empty directory fails the SET_INFO
     * with STATUS_DIRECTORY_NOT_EMPTY (MS-FSCC 2.4.11); delete-on-close at CREATE would not report
     * that on Samba, which then silently keeps the directory.
     */
    public CompletableFuture<Void> rmdir(String path) {
        return create(open(path, io.smbench.smb.mssmb2.msg.CreateRequest.DELETE,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_OPEN,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_DIRECTORY_FILE))
                .thenCompose(dir -> dir.setInfo(io.smbench.smb.mssmb2.msg.QueryInfoRequest.INFO_FILE,
                        io.smbench.smb.mssmb2.msg.SetInfoRequest.FILE_DISPOSITION_INFORMATION, new byte[] {1})
                        .handle((ok, failure) -> dir.close().thenApply(closed -> {
                            if (failure != null) {
                                Throwable cause = failure instanceof java.util.concurrent.CompletionException
                                        && failure.getCause() != null ? failure.getCause() : failure;
                                throw cause instanceof RuntimeException r ? r : new SmbClientException("rmdir", cause);
                            }
                            return (Void) null;
                        })).thenCompose(f -> f));
    }

    /** Deletes a file: CREATE with DELETE access and FILE_DELETE_ON_CLOSE, then CLOSE. */
    public CompletableFuture<Void> delete(String path) {
        return create(open(path, io.smbench.smb.mssmb2.msg.CreateRequest.DELETE,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_OPEN,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_NON_DIRECTORY_FILE
                        | io.smbench.smb.mssmb2.msg.CreateRequest.FILE_DELETE_ON_CLOSE))
                .thenCompose(SmbFile::close).thenAccept(closed -> { });
    }

    /** Renames as Windows does: open with DELETE access, SET_INFO FileRenameInformation, CLOSE. */
    public CompletableFuture<Void> rename(String path, String newPath, boolean replaceIfExists) {
        return create(open(path, io.smbench.smb.mssmb2.msg.CreateRequest.DELETE
                        | io.smbench.smb.mssmb2.msg.CreateRequest.FILE_READ_ATTRIBUTES,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_OPEN, 0))
                .thenCompose(file -> file.rename(SmbPaths.toSmb(newPath), replaceIfExists)
                        .handle((ok, failure) -> file.close().thenApply(closed -> {
                            if (failure != null) {
                                throw failure instanceof RuntimeException r ? r : new SmbClientException("rename", failure);
                            }
                            return (Void) null;
                        })).thenCompose(f -> f));
    }

    /** Lists a directory (open, QUERY_DIRECTORY until STATUS_NO_MORE_FILES, close); the entry count. */
    public CompletableFuture<Integer> list(String path, String pattern) {
        return list(path, pattern, io.smbench.smb.mssmb2.msg.QueryDirectoryRequest.FILE_ID_BOTH_DIRECTORY_INFORMATION);
    }

    /** The same with a FileInformationClass of MS-FSCC 2.4 (MS-SMB2 2.2.33). */
    public CompletableFuture<Integer> list(String path, String pattern, int infoClass) {
        return create(open(path, 0x00000001 /* FILE_LIST_DIRECTORY */ | io.smbench.smb.mssmb2.msg.CreateRequest
                .FILE_READ_ATTRIBUTES, io.smbench.smb.mssmb2.msg.CreateRequest.FILE_OPEN,
                io.smbench.smb.mssmb2.msg.CreateRequest.FILE_DIRECTORY_FILE))
                .thenCompose(dir -> dir.listDirectory(pattern == null ? "*" : pattern, infoClass)
                        .thenCompose(count -> dir.close().thenApply(closed -> count)));
    }

    /**
     * CREATE, WRITE and CLOSE as one related compound chain (MS-SMB2 3.2.4.1.4): the WRITE and
     * CLOSE use the FileId of the CREATE before them. Completes with the three responses' statuses.
     */
    public CompletableFuture<int[]> createWriteClose(io.smbench.smb.mssmb2.msg.CreateRequest create, ByteBuf data) {
        io.smbench.smb.mssmb2.msg.FileId related = io.smbench.smb.mssmb2.msg.FileId.RELATED;
        java.util.List<OutgoingRequest> chain = java.util.List.of(
                request(Smb2Command.CREATE, create),
                request(Smb2Command.WRITE, new io.smbench.smb.mssmb2.msg.WriteRequest(related, 0, data)),
                request(Smb2Command.CLOSE, new io.smbench.smb.mssmb2.msg.CloseRequest(related, true)));
        java.util.List<CompletableFuture<Smb2Response>> replies = session.connection().sendCompound(chain, true);
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            int[] statuses = new int[replies.size()];
            for (int i = 0; i < statuses.length; i++) {
                try (Smb2Response reply = replies.get(i).join()) {
                    statuses[i] = reply.status();
                }
            }
            return statuses;
        });
    }

    public int treeId() {
        return treeId;
    }

    public TreeConnectResponse info() {
        return response;
    }

    /** Whether requests on this tree are encrypted (session or share demands it). */
    public boolean encrypts() {
        return encrypt;
    }

    /**
     * A request on this tree, encrypted when the tree requires it, and flagged
     * SMB2_FLAGS_DFS_OPERATIONS on a DFS share (MS-SMB2 3.2.4.1.1: TreeConnect.IsDfsShare).
     */
    public OutgoingRequest request(int command, BodyWriter body) {
        OutgoingRequest request = session.request(command, treeId, body).encrypted(encrypt);
        if (isDfs()) {
            request = request.withFlags(DFS_OPERATIONS);
        }
        return request;
    }

    /** SMB2_FLAGS_DFS_OPERATIONS (MS-SMB2 2.2.1.2). */
    static final int DFS_OPERATIONS = 0x10000000;

    /** Whether the server flagged the share as DFS (SMB2_SHAREFLAG_DFS, 2.2.10). */
    public boolean isDfs() {
        return (response.shareFlags() & io.smbench.smb.mssmb2.Smb2Flags.SHARE_FLAG_DFS) != 0;
    }

    /**
     * FSCTL_VALIDATE_NEGOTIATE_INFO (MS-SMB2 3.2.5.5, 2.2.31.4, 2.2.32.6): on 3.0 and 3.0.2, asks the
     * server to confirm, in a signed exchange, what NEGOTIATE settled, and fails when it differs
     * (a man in the middle that downgraded the dialect or dropped signing).
     */
    public CompletableFuture<Void> validateNegotiate() {
        NegotiationResult n = session.negotiation();
        ByteBuffer input = ByteBuffer.allocate(24 + 2 * 1).order(ByteOrder.LITTLE_ENDIAN);
        input.putInt(n.clientCapabilities());
        input.put(clientGuid());
        input.putShort((short) n.clientSecurityMode());
        input.putShort((short) 1);
        input.putShort((short) n.dialect().code());
        IoctlRequest ioctl = new IoctlRequest(IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO, -1L, -1L, input.array(), 24,
                true);
        OutgoingRequest request = session.request(Smb2Command.IOCTL, treeId, ioctl);
        // The request MUST be signed (3.2.5.5) whatever the session's signing policy.
        request = new OutgoingRequest(request.command(), request.sessionId(), request.treeId(), 1, 10,
                Smb2Header.FLAG_SIGNED, ioctl, request.timeout(), null, encrypt);
        return session.connection().send(request).thenAccept(response -> {
            try (response) {
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbNegotiationException("FSCTL_VALIDATE_NEGOTIATE_INFO failed: "
                            + NtStatus.describe(response.status()));
                }
                ByteBuffer out = ByteBuffer.wrap(IoctlResponse.decode(response.message()).output())
                        .order(ByteOrder.LITTLE_ENDIAN);
                if (out.remaining() < 24) {
                    throw new SmbNegotiationException("VALIDATE_NEGOTIATE_INFO response of " + out.remaining()
                            + " bytes, expected 24");
                }
                int capabilities = out.getInt();
                byte[] guid = new byte[16];
                out.get(guid);
                int securityMode = out.getShort() & 0xFFFF;
                int dialect = out.getShort() & 0xFFFF;
                if (capabilities != n.serverCapabilities() || !Arrays.equals(guid, n.serverGuid())
                        || securityMode != n.serverSecurityMode() || dialect != n.dialect().code()) {
                    session.connection().close(new SmbNegotiationException("VALIDATE_NEGOTIATE_INFO disagrees with "
                            + "NEGOTIATE"));
                    throw new SmbNegotiationException(String.format("VALIDATE_NEGOTIATE_INFO disagrees with NEGOTIATE: "
                            + "dialect 0x%04X vs 0x%04X, capabilities 0x%X vs 0x%X, security mode 0x%X vs 0x%X",
                            dialect, n.dialect().code(), capabilities, n.serverCapabilities(), securityMode,
                            n.serverSecurityMode()));
                }
            }
        });
    }

    /**
     * FSCTL_QUERY_NETWORK_INTERFACE_INFO (MS-SMB2 3.2.4.20.10): the server's interfaces and
     * addresses, from which further channels of a multichannel session are chosen. Sent on the
     * tree with FileId { 0xFFFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF }.
     */
    public CompletableFuture<java.util.List<io.smbench.smb.mssmb2.fsctl.NetworkInterfaceInfo>> queryNetworkInterfaces() {
        IoctlRequest ioctl = new IoctlRequest(io.smbench.smb.mssmb2.fsctl.FsctlCodes.QUERY_NETWORK_INTERFACE_INFO,
                -1L, -1L, new byte[0], 65_536, true);
        return session.connection().send(request(Smb2Command.IOCTL, ioctl)).thenApply(response -> {
            try (response) {
                if (response.status() != NtStatus.STATUS_SUCCESS) {
                    throw new SmbStatusException("FSCTL_QUERY_NETWORK_INTERFACE_INFO on " + share + " failed: "
                            + NtStatus.describe(response.status()), response.status());
                }
                return io.smbench.smb.mssmb2.fsctl.NetworkInterfaceInfo.decodeAll(
                        IoctlResponse.decode(response.message()).output());
            }
        });
    }

    private byte[] clientGuid() {
        return Negotiator.guidBytes(session.clientGuid());
    }

    /** TREE_DISCONNECT (MS-SMB2 2.2.11). */
    public CompletableFuture<Void> disconnect() {
        return session.connection().send(request(Smb2Command.TREE_DISCONNECT, SimpleRequest.INSTANCE))
                .thenAccept(response -> {
                    try (response) {
                        if (response.status() != NtStatus.STATUS_SUCCESS) {
                            throw new SmbClientException("TREE_DISCONNECT failed: " + NtStatus.describe(response.status()));
                        }
                    }
                });
    }
}

package io.smbench.smb.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CloseRequest;
import io.smbench.smb.mssmb2.msg.CloseResponse;
import io.smbench.smb.mssmb2.msg.CreateResponse;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.ReadRequest;
import io.smbench.smb.mssmb2.msg.ReadResponse;
import io.smbench.smb.mssmb2.msg.WriteRequest;
import io.smbench.smb.mssmb2.msg.WriteResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An open file (MS-SMB2 3.2.1.6 Per Application Open): its FileId and what CREATE granted, and
 * READ/WRITE/CLOSE on it. Large transfers are split at the server's MaxReadSize/MaxWriteSize and
 * sent at once, each chunk charged its credits (3.2.4.1.5), so the credit window paces them.
 */
public final class SmbFile {
    /** Largest transfer without multi-credit support (MS-SMB2 3.2.4.1.5). */
    private static final int SINGLE_CREDIT_MAX = 65_536;

    private final SmbTree tree;
    private final String path;
    private final CreateResponse created;

    SmbFile(SmbTree tree, String path, CreateResponse created) {
        this.tree = tree;
        this.path = path;
        this.created = created;
    }

    public FileId fileId() {
        return created.fileId();
    }

    public String path() {
        return path;
    }

    /** The lease the server granted with this open, if one was asked for (MS-SMB2 2.2.14.2.10/11). */
    public java.util.Optional<io.smbench.smb.mssmb2.msg.LeaseContext> lease() {
        byte[] data = created.context(io.smbench.smb.mssmb2.msg.LeaseContext.NAME);
        return data == null ? java.util.Optional.empty()
                : java.util.Optional.of(io.smbench.smb.mssmb2.msg.LeaseContext.decode(data));
    }

    /** What CREATE answered: granted oplock, create action, sizes, contexts. */
    public CreateResponse created() {
        return created;
    }

    private boolean multiCredit() {
        return tree.session().negotiation().dialect() != Dialect.SMB_2_0_2
                && (tree.session().negotiation().serverCapabilities() & io.smbench.smb.mssmb2.Smb2Flags.CAP_LARGE_MTU) != 0;
    }

    private int chunk(long serverMax) {
        long max = multiCredit() ? serverMax : Math.min(serverMax, SINGLE_CREDIT_MAX);
        return (int) Math.min(max, 8L * 1024 * 1024);
    }

    private OutgoingRequest charged(OutgoingRequest request, long sendBytes, long responseBytes) {
        int charge = multiCredit() ? CreditWindow.chargeFor(sendBytes, responseBytes) : 0;
        OutgoingRequest charged = request.withCreditCharge(charge);
        // Ask back at least what the request spends, so large transfers do not drain the window.
        return charge <= request.creditRequest() ? charged : new OutgoingRequest(charged.command(),
                charged.sessionId(), charged.treeId(), charge, Math.min(0xFFFF, charge + 8), charged.extraFlags(),
                charged.body(), charged.timeout(), charged.observer(), charged.encrypt());
    }

    /**
     * Reads {@code length} bytes from {@code offset}; fewer at end of file. The caller releases the
     * returned buffer.
     */
    public CompletableFuture<ByteBuf> read(long offset, int length) {
        int chunk = chunk(tree.session().negotiation().maxReadSize());
        List<CompletableFuture<ByteBuf>> parts = new ArrayList<>();
        for (long at = 0; at < length || (length == 0 && at == 0); at += chunk) {
            int size = (int) Math.min(chunk, length - at);
            parts.add(readChunk(offset + at, size));
            if (length == 0) {
                break;
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> {
            List<ByteBuf> buffers = new ArrayList<>();
            Throwable error = null;
            for (CompletableFuture<ByteBuf> part : parts) {
                try {
                    buffers.add(part.join());
                } catch (RuntimeException e) {
                    error = error == null ? e : error;
                }
            }
            if (error != null) {
                buffers.forEach(ByteBuf::release);
                throw error instanceof RuntimeException r ? r : new SmbClientException("READ failed", error);
            }
            return Unpooled.wrappedBuffer(buffers.toArray(ByteBuf[]::new));
        });
    }

    private CompletableFuture<ByteBuf> readChunk(long offset, int length) {
        OutgoingRequest request = charged(tree.request(Smb2Command.READ, new ReadRequest(fileId(), offset, length, 0)),
                0, length);
        return sendOnAnyChannel(request).thenApply(response -> {
            try (response) {
                if (response.status() == NtStatus.STATUS_END_OF_FILE) {
                    return Unpooled.EMPTY_BUFFER;
                }
                check(response, "READ");
                ReadResponse decoded = ReadResponse.decode(response.message());
                ByteBuf message = response.message();
                return message.retainedSlice(message.readerIndex() + decoded.dataOffset(), (int) decoded.dataLength());
            }
        });
    }

    /** SMB2_FLAGS_REPLAY_OPERATION (MS-SMB2 2.2.1.2). */
    static final int REPLAY_OPERATION = 0x20000000;

    /**
     * Sends a READ or WRITE on the session's next live channel (MS-SMB2 3.2.4.1.7). When that
     * channel's connection is lost before the answer, the request is sent once more on another
     * live channel, flagged SMB2_FLAGS_REPLAY_OPERATION (3.2.4.1.1: a request resent on another
     * channel of a 3.x session), so the loss of one channel does not fail the transfer.
     */
    private CompletableFuture<Smb2Response> sendOnAnyChannel(OutgoingRequest request) {
        SmbConnection first = tree.session().ioChannel();
        return first.send(request).exceptionallyCompose(failure -> {
            SmbConnection other = tree.session().ioChannel();
            if (!channelLost(failure) || other == first || !other.channel().isActive()) {
                return CompletableFuture.failedFuture(failure);
            }
            tree.session().countReplay();
            return other.send(request.withFlags(REPLAY_OPERATION));
        });
    }

    private static boolean channelLost(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof ConnectionClosedException;
    }

    /** Writes all of {@code data} at {@code offset}; completes with the byte count the server took. */
    public CompletableFuture<Long> write(long offset, ByteBuf data) {
        int chunk = chunk(tree.session().negotiation().maxWriteSize());
        int length = data.readableBytes();
        List<CompletableFuture<Long>> parts = new ArrayList<>();
        for (int at = 0; at < length; at += chunk) {
            int size = Math.min(chunk, length - at);
            ByteBuf slice = data.slice(data.readerIndex() + at, size);
            OutgoingRequest request = charged(tree.request(Smb2Command.WRITE, new WriteRequest(fileId(), offset + at,
                    slice)), size, 0);
            parts.add(sendOnAnyChannel(request).thenApply(response -> {
                try (response) {
                    check(response, "WRITE");
                    return WriteResponse.decode(response.message()).count();
                }
            }));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> parts.stream().mapToLong(CompletableFuture::join).sum());
    }

    /** FLUSH (MS-SMB2 3.2.4.11): asks the server to write its cached data for this file to storage. */
    public CompletableFuture<Void> flush() {
        return send(new io.smbench.smb.mssmb2.msg.FlushRequest(fileId()), Smb2Command.FLUSH, "FLUSH")
                .thenAccept(Smb2Response::close);
    }

    /**
     * CHANGE_NOTIFY on this open directory (MS-SMB2 3.2.4.14): the server answers STATUS_PENDING at
     * once and completes when something changes, so the request waits up to {@code timeout}.
     */
    public PendingNotify changeNotify(int completionFilter, boolean watchTree, java.time.Duration timeout) {
        CompletableFuture<Long> messageId = new CompletableFuture<>();
        OutgoingRequest request = tree.request(Smb2Command.CHANGE_NOTIFY,
                new io.smbench.smb.mssmb2.msg.ChangeNotifyRequest(fileId(), completionFilter, watchTree, 65_536));
        request = new OutgoingRequest(request.command(), request.sessionId(), request.treeId(), 1,
                request.creditRequest(), request.extraFlags(), request.body(), timeout,
                message -> messageId.complete(message.getLongLE(message.readerIndex() + 24)), request.encrypt());
        CompletableFuture<byte[]> result = tree.session().connection().send(request).thenApply(response -> {
            try (response) {
                check(response, "CHANGE_NOTIFY");
                return io.smbench.smb.mssmb2.msg.OutputBufferResponse.decode(response.message(),
                        "CHANGE_NOTIFY response").output();
            }
        });
        return new PendingNotify(tree.session().connection(), messageId, result);
    }

    /**
     * IOCTL (MS-SMB2 3.2.4.20) on this open: an FSCTL when {@code fsctl}, otherwise a device IOCTL.
     * Completes with the output buffer.
     */
    public CompletableFuture<byte[]> ioctl(int ctlCode, byte[] input, int maxOutput, boolean fsctl) {
        OutgoingRequest request = tree.request(Smb2Command.IOCTL, new io.smbench.smb.mssmb2.msg.IoctlRequest(ctlCode,
                fileId().persistent(), fileId().volatileId(), input, maxOutput, fsctl));
        request = multiCredit() ? request.withCreditCharge(CreditWindow.chargeFor(input.length, maxOutput)) : request;
        return tree.session().connection().send(request).thenApply(response -> {
            try (response) {
                int status = response.status();
                // STATUS_BUFFER_OVERFLOW still carries output (MS-SMB2 3.3.4.4); anything else is a failure.
                if (status != NtStatus.STATUS_SUCCESS && status != NtStatus.STATUS_BUFFER_OVERFLOW) {
                    throw new SmbStatusException("IOCTL 0x" + Integer.toHexString(ctlCode) + " on " + path + " failed: "
                            + NtStatus.describe(status), status);
                }
                return io.smbench.smb.mssmb2.msg.IoctlResponse.decode(response.message()).output();
            }
        });
    }

    /**
     * FSCTL_SRV_REQUEST_RESUME_KEY (MS-SMB2 3.2.4.20.1): the server's key for this open, the
     * source of a server-side copy.
     */
    public CompletableFuture<io.smbench.smb.mssmb2.fsctl.ResumeKey> requestResumeKey() {
        return ioctl(io.smbench.smb.mssmb2.fsctl.FsctlCodes.SRV_REQUEST_RESUME_KEY, new byte[0], 32, true)
                .thenApply(io.smbench.smb.mssmb2.fsctl.ResumeKey::decode);
    }

    /**
     * Server-side copy into this open (MS-SMB2 3.2.4.20.2): FSCTL_SRV_COPYCHUNK, or
     * FSCTL_SRV_COPYCHUNK_WRITE when this open was granted write but not read access. When the
     * server refuses the request's size with STATUS_INVALID_PARAMETER, the result carries its
     * limits (2.2.32.1) rather than failing, so the caller can split the copy and retry.
     */
    public CompletableFuture<io.smbench.smb.mssmb2.fsctl.CopyChunk.Result> copyChunk(
            io.smbench.smb.mssmb2.fsctl.CopyChunk copy, boolean writeOnlyTarget) {
        int code = writeOnlyTarget ? io.smbench.smb.mssmb2.fsctl.FsctlCodes.SRV_COPYCHUNK_WRITE
                : io.smbench.smb.mssmb2.fsctl.FsctlCodes.SRV_COPYCHUNK;
        OutgoingRequest request = tree.request(Smb2Command.IOCTL, new io.smbench.smb.mssmb2.msg.IoctlRequest(code,
                fileId().persistent(), fileId().volatileId(), copy.encode(),
                io.smbench.smb.mssmb2.fsctl.CopyChunk.Result.LENGTH, true));
        return tree.session().connection().send(request).thenApply(response -> {
            try (response) {
                int status = response.status();
                boolean limits = status == NtStatus.STATUS_INVALID_PARAMETER;
                if (status != NtStatus.STATUS_SUCCESS && !limits) {
                    throw new SmbStatusException(io.smbench.smb.mssmb2.fsctl.FsctlCodes.name(code) + " into " + path
                            + " failed: " + NtStatus.describe(status), status);
                }
                return io.smbench.smb.mssmb2.fsctl.CopyChunk.Result.decode(
                        io.smbench.smb.mssmb2.msg.IoctlResponse.decode(response.message()).output(), limits);
            }
        });
    }

    /** FSCTL_SET_SPARSE (MS-FSCC 2.3.64) on this open. */
    public CompletableFuture<Void> setSparse(boolean sparse) {
        return ioctl(io.smbench.smb.mssmb2.fsctl.FsctlCodes.SET_SPARSE,
                io.smbench.smb.mssmb2.fsctl.SetSparse.encode(sparse), 0, true).thenAccept(output -> { });
    }

    /**
     * FSCTL_PIPE_TRANSCEIVE (MS-FSCC 2.3.41, MS-SMB2 3.2.4.20.4) on this open named pipe: writes
     * one message and completes with the pipe's reply (at most {@code maxReply} bytes; a longer
     * reply arrives as STATUS_BUFFER_OVERFLOW with its first part, to be read with READ).
     */
    public CompletableFuture<byte[]> transceive(byte[] message, int maxReply) {
        return ioctl(io.smbench.smb.mssmb2.fsctl.FsctlCodes.PIPE_TRANSCEIVE, message, maxReply, true);
    }

    /** LOCK or UNLOCK byte ranges (MS-SMB2 3.2.4.19). */
    public CompletableFuture<Void> lock(java.util.List<io.smbench.smb.mssmb2.msg.LockRequest.Element> ranges) {
        return send(new io.smbench.smb.mssmb2.msg.LockRequest(fileId(), ranges), Smb2Command.LOCK, "LOCK")
                .thenAccept(Smb2Response::close);
    }

    /** QUERY_INFO (MS-SMB2 3.2.4.12): the raw information structure the server returned. */
    public CompletableFuture<byte[]> queryInfo(int infoType, int infoClass, int outputBufferLength) {
        return queryInfo(infoType, infoClass, outputBufferLength, 0);
    }

    /** QUERY_INFO with AdditionalInformation (MS-SMB2 2.2.37: the security parts, or EA and quota flags). */
    public CompletableFuture<byte[]> queryInfo(int infoType, int infoClass, int outputBufferLength,
            int additionalInformation) {
        return send(new io.smbench.smb.mssmb2.msg.QueryInfoRequest(infoType, infoClass, outputBufferLength,
                additionalInformation, fileId()),
                Smb2Command.QUERY_INFO, "QUERY_INFO").thenApply(response -> {
                    try (response) {
                        return io.smbench.smb.mssmb2.msg.OutputBufferResponse.decode(response.message(),
                                "QUERY_INFO response").output();
                    }
                });
    }

    /** SET_INFO (MS-SMB2 3.2.4.15) with an MS-FSCC information structure. */
    public CompletableFuture<Void> setInfo(int infoType, int infoClass, byte[] buffer) {
        return setInfo(infoType, infoClass, buffer, 0);
    }

    /** SET_INFO with AdditionalInformation (MS-SMB2 2.2.39: the security parts to set). */
    public CompletableFuture<Void> setInfo(int infoType, int infoClass, byte[] buffer, int additionalInformation) {
        return send(new io.smbench.smb.mssmb2.msg.SetInfoRequest(infoType, infoClass, additionalInformation, fileId(),
                buffer),
                Smb2Command.SET_INFO, "SET_INFO").thenAccept(Smb2Response::close);
    }

    /** OWNER_SECURITY_INFORMATION, GROUP_, DACL_, SACL_ (MS-SMB2 2.2.37 AdditionalInformation). */
    public static final int OWNER_SECURITY_INFORMATION = 0x1;
    public static final int GROUP_SECURITY_INFORMATION = 0x2;
    public static final int DACL_SECURITY_INFORMATION = 0x4;
    public static final int SACL_SECURITY_INFORMATION = 0x8;

    /**
     * QUERY_INFO of type SMB2_0_INFO_SECURITY (MS-SMB2 3.2.4.12, 2.2.37): the open's security
     * descriptor in self-relative form (MS-DTYP 2.4.6), the parts named by {@code securityInformation}.
     */
    public CompletableFuture<byte[]> querySecurity(int securityInformation) {
        return send(new io.smbench.smb.mssmb2.msg.QueryInfoRequest(io.smbench.smb.mssmb2.msg.QueryInfoRequest.INFO_SECURITY,
                0, 65_536, securityInformation, fileId()), Smb2Command.QUERY_INFO, "QUERY_INFO security")
                .thenApply(response -> {
                    try (response) {
                        return io.smbench.smb.mssmb2.msg.OutputBufferResponse.decode(response.message(),
                                "QUERY_INFO response").output();
                    }
                });
    }

    /**
     * SET_INFO of type SMB2_0_INFO_SECURITY (MS-SMB2 3.2.4.15): writes the parts of a self-relative
     * security descriptor named by {@code securityInformation}; the open needs WRITE_DAC or
     * WRITE_OWNER access for them.
     */
    public CompletableFuture<Void> setSecurity(int securityInformation, byte[] descriptor) {
        return send(new io.smbench.smb.mssmb2.msg.SetInfoRequest(io.smbench.smb.mssmb2.msg.QueryInfoRequest.INFO_SECURITY,
                0, securityInformation, fileId(), descriptor), Smb2Command.SET_INFO, "SET_INFO security")
                .thenAccept(Smb2Response::close);
    }

    /** Renames the open file (SET_INFO FileRenameInformation, as Windows clients rename). */
    public CompletableFuture<Void> rename(String newName, boolean replaceIfExists) {
        return setInfo(io.smbench.smb.mssmb2.msg.QueryInfoRequest.INFO_FILE,
                io.smbench.smb.mssmb2.msg.SetInfoRequest.FILE_RENAME_INFORMATION,
                io.smbench.smb.mssmb2.msg.SetInfoRequest.renameInformation(newName, replaceIfExists));
    }

    /**
     * QUERY_DIRECTORY on this open directory until STATUS_NO_MORE_FILES (MS-SMB2 3.2.4.10),
     * restarting the scan on the first request; completes with the number of entries.
     */
    public CompletableFuture<Integer> listDirectory(String pattern) {
        return listDirectory(pattern, io.smbench.smb.mssmb2.msg.QueryDirectoryRequest.FILE_ID_BOTH_DIRECTORY_INFORMATION);
    }

    /**
     * The same with another FileInformationClass (MS-SMB2 2.2.33; MS-FSCC 2.4: e.g. 0x01
     * FileDirectoryInformation, 0x03 FileBothDirectoryInformation, 0x0C FileNamesInformation,
     * 0x26 FileIdFullDirectoryInformation), as a captured client asked for it.
     */
    public CompletableFuture<Integer> listDirectory(String pattern, int infoClass) {
        return listFrom(pattern, infoClass, true, 0);
    }

    private CompletableFuture<Integer> listFrom(String pattern, int infoClass, boolean restart, int seen) {
        var request = new io.smbench.smb.mssmb2.msg.QueryDirectoryRequest(infoClass,
                restart ? io.smbench.smb.mssmb2.msg.QueryDirectoryRequest.RESTART_SCANS : 0, fileId(), pattern, 65_536);
        return tree.session().connection().send(tree.request(Smb2Command.QUERY_DIRECTORY, request))
                .thenCompose(response -> {
                    int entries;
                    try (response) {
                        if (response.status() == NtStatus.STATUS_NO_MORE_FILES) {
                            return CompletableFuture.completedFuture(seen);
                        }
                        check(response, "QUERY_DIRECTORY");
                        entries = io.smbench.smb.mssmb2.msg.OutputBufferResponse.decode(response.message(),
                                "QUERY_DIRECTORY response").directoryEntryCount();
                    }
                    return listFrom(pattern, infoClass, false, seen + entries);
                });
    }

    private CompletableFuture<Smb2Response> send(BodyWriter body, int command, String operation) {
        return tree.session().connection().send(tree.request(command, body)).thenApply(response -> {
            int status = response.status();
            if (status != NtStatus.STATUS_SUCCESS) {
                response.close(); // read everything needed before this: the buffer is gone afterwards
                throw new SmbStatusException(operation + " " + path + " failed: " + NtStatus.describe(status), status);
            }
            return response;
        });
    }

    /** CLOSE with SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB, returning the file's final attributes. */
    public CompletableFuture<CloseResponse> close() {
        return tree.session().connection().send(tree.request(Smb2Command.CLOSE, new CloseRequest(fileId(), true)))
                .thenApply(response -> {
                    try (response) {
                        tree.session().connection().breaks().unregister(fileId());
                        lease().ifPresent(l -> tree.session().connection().breaks().releaseLease(l.key()));
                        check(response, "CLOSE");
                        return CloseResponse.decode(response.message());
                    }
                });
    }

    private void check(Smb2Response response, String operation) {
        if (response.status() != NtStatus.STATUS_SUCCESS) {
            throw new SmbStatusException(operation + " " + path + " failed: " + NtStatus.describe(response.status()),
                    response.status());
        }
    }
}

package io.smbench.fuzz.live;

import io.netty.buffer.Unpooled;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Guids;
import io.smbench.smb.client.OutgoingRequest;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Header;
import io.smbench.smb.mssmb2.msg.CloseRequest;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.IoctlRequest;
import io.smbench.smb.mssmb2.msg.LeaseContext;
import io.smbench.smb.mssmb2.msg.LockRequest;
import io.smbench.smb.mssmb2.msg.QueryDirectoryRequest;
import io.smbench.smb.mssmb2.msg.QueryInfoRequest;
import io.smbench.smb.mssmb2.msg.ReadRequest;
import io.smbench.smb.mssmb2.msg.SetInfoRequest;
import io.smbench.smb.mssmb2.msg.WriteRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The valid request sequences cases start from, built with smbench's codecs. Each names its steps;
 * a case runs the steps before its mutated one plainly, then the mutated one, and stops there
 * (closing the connection closes what it opened; files are opened delete-on-close).
 */
public enum SeedSequence {
    /** CREATE with lease, durable and maximal-access contexts, WRITE, READ, CLOSE (MS-SMB2 3.2.4.3 to 3.2.4.6). */
    CREATE_WRITE_READ_CLOSE("create-write-read-close", 4) {
        @Override
        void run(SequenceDriver d) {
            FileId file = create(d, true);
            byte[] data = bytes(d.random(), 64 + d.random().nextInt(4033));
            d.step("write", List.of(d.tree().request(Smb2Command.WRITE, new WriteRequest(file, 0,
                    Unpooled.wrappedBuffer(data)))), false);
            d.step("read", List.of(d.tree().request(Smb2Command.READ, new ReadRequest(file, 0, data.length, 0))), false);
            d.step("close", List.of(d.tree().request(Smb2Command.CLOSE, new CloseRequest(file, true))), false);
        }
    },
    /** CREATE of the share root, QUERY_DIRECTORY with one of four information classes, CLOSE (3.2.4.17). */
    QUERY_DIRECTORY("query-directory", 3) {
        @Override
        void run(SequenceDriver d) {
            CreateRequest open = new CreateRequest(CreateRequest.OPLOCK_NONE, CreateRequest.IMPERSONATION_IMPERSONATION,
                    CreateRequest.GENERIC_READ, 0, CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE
                            | CreateRequest.SHARE_DELETE, CreateRequest.FILE_OPEN, CreateRequest.FILE_DIRECTORY_FILE, "",
                    List.of());
            FileId dir = d.step("create", List.of(d.tree().request(Smb2Command.CREATE, open)), false).createdFileId();
            int[] classes = {0x01, 0x03, 0x0C, QueryDirectoryRequest.FILE_ID_BOTH_DIRECTORY_INFORMATION};
            int infoClass = classes[d.random().nextInt(classes.length)];
            d.step("query-directory", List.of(d.tree().request(Smb2Command.QUERY_DIRECTORY, new QueryDirectoryRequest(
                    infoClass, QueryDirectoryRequest.RESTART_SCANS, dir, "*", 65536))), false);
            d.step("close", List.of(d.tree().request(Smb2Command.CLOSE, new CloseRequest(dir, false))), false);
        }
    },
    /**
     * FSCTL_VALIDATE_NEGOTIATE_INFO (2.2.31.4), signed; only on 3.0 and 3.0.2, since a 3.1.1 server
     * MUST drop the connection on it (3.3.5.15.12).
     */
    VALIDATE_NEGOTIATE("ioctl-validate-negotiate", 1) {
        @Override
        void run(SequenceDriver d) {
            var negotiation = d.tree().session().negotiation();
            List<Dialect> offered = d.config().dialects();
            ByteBuffer input = ByteBuffer.allocate(24 + 2 * offered.size()).order(ByteOrder.LITTLE_ENDIAN);
            input.putInt(negotiation.clientCapabilities());
            input.put(Guids.toBytes(d.config().clientGuid()));
            input.putShort((short) negotiation.clientSecurityMode());
            input.putShort((short) offered.size());
            offered.forEach(dialect -> input.putShort((short) dialect.code()));
            IoctlRequest ioctl = new IoctlRequest(IoctlRequest.FSCTL_VALIDATE_NEGOTIATE_INFO, -1L, -1L, input.array(), 24,
                    true);
            OutgoingRequest plain = d.tree().request(Smb2Command.IOCTL, ioctl);
            OutgoingRequest signed = plain.withFlags(Smb2Header.FLAG_SIGNED);
            d.step("ioctl", List.of(signed), false);
        }

        @Override
        ClientConfig configFor(ClientConfig base) {
            List<Dialect> dialects = base.dialects().stream()
                    .filter(dialect -> dialect == Dialect.SMB_3_0 || dialect == Dialect.SMB_3_0_2).toList();
            return dialects.isEmpty() ? null : base.withDialects(dialects);
        }
    },
    /** CREATE, READ and CLOSE as one related compound (3.2.4.1.4), FileId 0xFF..FF after the CREATE. */
    COMPOUND_CREATE_READ_CLOSE("compound-create-read-close", 1) {
        @Override
        void run(SequenceDriver d) {
            d.step("compound", List.of(d.tree().request(Smb2Command.CREATE, openFile(d, List.of())),
                    d.tree().request(Smb2Command.READ, new ReadRequest(FileId.RELATED, 0, 4096, 0)),
                    d.tree().request(Smb2Command.CLOSE, new CloseRequest(FileId.RELATED, false))), true);
        }
    },
    /** CREATE, LOCK of a byte range, LOCK to unlock it, CLOSE (3.2.4.19). */
    LOCK("lock-unlock", 4) {
        @Override
        void run(SequenceDriver d) {
            FileId file = create(d, false);
            long offset = d.random().nextInt(1 << 20);
            long length = 1 + d.random().nextInt(65536);
            d.step("lock", List.of(d.tree().request(Smb2Command.LOCK, new LockRequest(file, List.of(
                    new LockRequest.Element(offset, length, LockRequest.EXCLUSIVE | LockRequest.FAIL_IMMEDIATELY))))),
                    false);
            d.step("unlock", List.of(d.tree().request(Smb2Command.LOCK, new LockRequest(file, List.of(
                    new LockRequest.Element(offset, length, LockRequest.UNLOCK))))), false);
            d.step("close", List.of(d.tree().request(Smb2Command.CLOSE, new CloseRequest(file, false))), false);
        }
    },
    /** CREATE, SET_INFO FileEndOfFileInformation, QUERY_INFO FileStandardInformation, CLOSE (3.2.4.12, 3.2.4.13). */
    SET_INFO_QUERY_INFO("set-info-query-info", 4) {
        @Override
        void run(SequenceDriver d) {
            FileId file = create(d, false);
            byte[] endOfFile = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(d.random().nextInt(1 << 20)).array();
            d.step("set-info", List.of(d.tree().request(Smb2Command.SET_INFO, new SetInfoRequest(
                    QueryInfoRequest.INFO_FILE, SetInfoRequest.FILE_END_OF_FILE_INFORMATION, 0, file, endOfFile))), false);
            d.step("query-info", List.of(d.tree().request(Smb2Command.QUERY_INFO, new QueryInfoRequest(
                    QueryInfoRequest.INFO_FILE, FILE_STANDARD_INFORMATION, 4096, 0, file))), false);
            d.step("close", List.of(d.tree().request(Smb2Command.CLOSE, new CloseRequest(file, false))), false);
        }
    };

    /** FileStandardInformation (MS-FSCC 2.4.47). */
    static final int FILE_STANDARD_INFORMATION = 5;

    private final String label;
    private final int steps;

    SeedSequence(String label, int steps) {
        this.label = label;
        this.steps = steps;
    }

    /** The name in findings and on the command line. */
    public String label() {
        return label;
    }

    /** How many steps it has; the case mutates one of them. */
    public int steps() {
        return steps;
    }

    abstract void run(SequenceDriver driver);

    /** The configuration this sequence needs, derived from the user's; null when it cannot run with it. */
    ClientConfig configFor(ClientConfig base) {
        return base;
    }

    /** The sequences that can run with {@code base}, in a fixed order. */
    public static List<SeedSequence> available(ClientConfig base) {
        List<SeedSequence> out = new ArrayList<>();
        for (SeedSequence sequence : values()) {
            if (sequence.configFor(base) != null) {
                out.add(sequence);
            }
        }
        return out;
    }

    /** CREATE of the case's file, with contexts on 2.1 and later; returns the FileId. */
    private static FileId create(SequenceDriver d, boolean withContexts) {
        List<CreateContext> contexts = withContexts ? contexts(d) : List.of();
        return d.step("create", List.of(d.tree().request(Smb2Command.CREATE, openFile(d, contexts))), false)
                .createdFileId();
    }

    private static CreateRequest openFile(SequenceDriver d, List<CreateContext> contexts) {
        boolean lease = contexts.stream().anyMatch(c -> c.name().equals(LeaseContext.NAME));
        return new CreateRequest(lease ? CreateRequest.OPLOCK_LEASE : CreateRequest.OPLOCK_NONE,
                CreateRequest.IMPERSONATION_IMPERSONATION,
                CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE | CreateRequest.DELETE,
                CreateRequest.FILE_ATTRIBUTE_NORMAL,
                CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE | CreateRequest.SHARE_DELETE,
                CreateRequest.FILE_OVERWRITE_IF, CreateRequest.FILE_NON_DIRECTORY_FILE | CreateRequest.FILE_DELETE_ON_CLOSE,
                d.fileName(), contexts);
    }

    /** "MxAc" (2.2.13.2.5, no timestamp), then on SMB 2.1+ a lease (v2 on 3.x) and on 3.x "DH2Q". */
    private static List<CreateContext> contexts(SequenceDriver d) {
        Dialect dialect = d.tree().session().negotiation().dialect();
        List<CreateContext> contexts = new ArrayList<>();
        contexts.add(new CreateContext("MxAc", new byte[0]));
        if (dialect.code() >= Dialect.SMB_2_1.code()) {
            int version = dialect.isSmb3() ? 2 : 1;
            contexts.add(new LeaseContext(bytes(d.random(), 16), LeaseContext.READ | LeaseContext.WRITE
                    | LeaseContext.HANDLE, 0, null, 0, version).toCreateContext());
        }
        if (dialect.isSmb3()) {
            contexts.add(DurableContext.v2(60_000, false, new UUID(d.random().nextLong(), d.random().nextLong())));
        }
        return contexts;
    }

    static byte[] bytes(SplitMix64 random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) random.nextLong();
        }
        return out;
    }
}
